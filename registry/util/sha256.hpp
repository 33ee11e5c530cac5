// SHA-256 through OpenSSL's libcrypto.
#pragma once

#include <array>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace numreg {

/// The SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

/// The SHA-256 of `data` as 32 bytes.
std::array<unsigned char, 32> sha256(std::string_view data);

/// A SHA-256 over text given a piece at a time, so that a long text need
/// not be whole in memory. Each has its own digest context: any number may
/// be under way at once, beside sha256() and sha256_hex().
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;

  /// Add `data` to the text hashed.
  void update(std::string_view data);
  /// The SHA-256 of everything added, as 64 lower-case hex digits; call once.
  std::string hex();

 private:
  evp_md_ctx_st* ctx_;
};

}  // namespace numreg
