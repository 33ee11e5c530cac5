// libphonenumber's own metadata, as the table generators and the
// differential tests read it: the serialised PhoneMetadataCollection the
// library is built with (Debian's libphonenumber exports its accessors).
#pragma once

#include <phonenumbers/phonemetadata.pb.h>

namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace numreg::tools {

/// Read the metadata into `collection`; false when it does not parse.
inline bool read_phone_metadata(i18n::phonenumbers::PhoneMetadataCollection& collection) {
  return collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                   i18n::phonenumbers::metadata_size());
}

}  // namespace numreg::tools
