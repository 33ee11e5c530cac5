// Exit codes (sysexits) and the one mapping from error kinds to them.
#pragma once

#include "registry/error.hpp"

namespace numreg::cli {

enum ExitCode {
  kExitOk = 0,
  kExitViolations = 1,  // audit or screen found violations and --fail-on asked to fail
  kExitUsage = 64,
  kExitData = 65,
  kExitNoInput = 66,
  kExitUnavailable = 69,
  kExitSoftware = 70,
  kExitCantCreate = 73,
  kExitIo = 74,
  kExitBusy = 75,
  kExitNotPermitted = 77,
};

inline int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return kExitUsage;
    case ErrorKind::data:
      return kExitData;
    case ErrorKind::no_input:
      return kExitNoInput;
    case ErrorKind::unavailable:
      return kExitUnavailable;
    case ErrorKind::cant_create:
      return kExitCantCreate;
    case ErrorKind::io:
      return kExitIo;
    case ErrorKind::busy:
      return kExitBusy;
    case ErrorKind::not_permitted:
      return kExitNotPermitted;
    case ErrorKind::internal:
      return kExitSoftware;
  }
  return kExitSoftware;
}

}  // namespace numreg::cli
