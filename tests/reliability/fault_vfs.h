// A full disk for SQLite, in process: a VFS over the default one whose writes fail with
// SQLITE_FULL once a budget of bytes is spent. While a FullDisk lives it is the default VFS,
// so a GraphStore opened then writes through it.
#pragma once

#include <cstdint>

namespace dyad::testing {

class FullDisk {
 public:
  // Writes succeed until `budget` bytes have been written in all (database, journal, WAL).
  explicit FullDisk(int64_t budget);
  ~FullDisk();  // the default VFS is the one before again
  FullDisk(const FullDisk&) = delete;
  FullDisk& operator=(const FullDisk&) = delete;

  int64_t written() const;  // bytes written so far
  int64_t refused() const;  // writes that failed for want of room
};

}  // namespace dyad::testing
