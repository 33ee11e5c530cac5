// Errors of the registry core: one value type, one exception, one result alias.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace numreg {

/// What went wrong, coarse enough to choose an exit code from.
enum class ErrorKind {
  usage,          // the request itself is malformed (64)
  data,           // input data or stored data is bad (65)
  no_input,       // an input file is missing (66)
  unavailable,    // the registry is missing or unusable (69)
  cant_create,    // an output cannot be created (73)
  io,             // reading or writing failed (74)
  busy,           // the registry stayed locked past the busy timeout (75)
  not_permitted,  // a shared registry's roles refuse the change (77)
  internal,       // a bug in numreg (70)
};

/// Where in an input file a problem lies; empty file means "not from a file".
struct Location {
  std::string file;
  long line = 0;
  long column = 0;
};

/// One problem: a stable code, a lower-case message, and where it came from.
struct Error {
  ErrorKind kind = ErrorKind::data;
  std::string code;     // stable, e.g. "uscc-check"
  std::string message;  // lower-case, no final period
  std::string field;    // the field it concerns, if any
  std::string value;    // the offending value, if any
  Location where;
};

/// Make a data error with a code and a message.
inline Error data_error(std::string code, std::string message) {
  return Error{ErrorKind::data, std::move(code), std::move(message), {}, {}, {}};
}

/// Make an error of any kind.
inline Error make_error(ErrorKind kind, std::string code, std::string message) {
  return Error{kind, std::move(code), std::move(message), {}, {}, {}};
}

template <class T>
using Result = tl::expected<T, Error>;

/// The one exception of the core: thrown when a command cannot go on. It
/// carries every problem found (at least one), so a command reports them all.
class Failure : public std::runtime_error {
 public:
  explicit Failure(Error error) : std::runtime_error(error.message), errors_{std::move(error)} {}
  explicit Failure(std::vector<Error> errors)
      : std::runtime_error(errors.at(0).message), errors_(std::move(errors)) {}
  const Error& error() const { return errors_.front(); }
  const std::vector<Error>& errors() const { return errors_; }

 private:
  std::vector<Error> errors_;
};

/// Return the value of `result`, or throw its error as a Failure.
template <class T>
T value_or_throw(Result<T> result) {
  if (!result) {
    throw Failure(std::move(result.error()));
  }
  return std::move(*result);
}

}  // namespace numreg
