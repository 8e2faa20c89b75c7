// The one exception type of the library: failures that stop a run (an unreadable dictionary,
// a database that cannot be opened). Bad records are Diagnostics, not Errors.
#pragma once

#include <stdexcept>
#include <string>

namespace dyad {

enum class ErrorKind {
  kIo,               // a file could not be opened, read or written
  kInvalidArgument,  // a caller-supplied value is unusable (e.g. a malformed --date)
  kDictionary,       // a dictionary is unusable as a whole
  kDatabase,         // the store failed
  kSchemaTooNew,     // the database was written by a newer dyad
  kInternal,         // a bug
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace dyad
