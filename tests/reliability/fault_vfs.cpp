#include "reliability/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace dyad::testing {
namespace {

std::atomic<int64_t> g_budget{0};
std::atomic<int64_t> g_written{0};
std::atomic<int64_t> g_refused{0};
sqlite3_vfs* g_base = nullptr;  // the VFS underneath

// A file of the base VFS, and our methods in front of it. The base file follows this header
// in the same allocation (szOsFile is ours plus the base's).
struct FaultFile {
  sqlite3_file header;
  sqlite3_file* base() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};
FaultFile* Of(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }

int Close(sqlite3_file* f) { return Of(f)->base()->pMethods->xClose(Of(f)->base()); }
int Read(sqlite3_file* f, void* buffer, int n, sqlite3_int64 offset) {
  return Of(f)->base()->pMethods->xRead(Of(f)->base(), buffer, n, offset);
}
int Write(sqlite3_file* f, const void* buffer, int n, sqlite3_int64 offset) {
  if (g_written.fetch_add(n) + n > g_budget.load()) {
    g_written.fetch_sub(n);
    ++g_refused;
    return SQLITE_FULL;
  }
  return Of(f)->base()->pMethods->xWrite(Of(f)->base(), buffer, n, offset);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Of(f)->base()->pMethods->xTruncate(Of(f)->base(), size);
}
int Sync(sqlite3_file* f, int flags) {
  return Of(f)->base()->pMethods->xSync(Of(f)->base(), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) {
  return Of(f)->base()->pMethods->xFileSize(Of(f)->base(), size);
}
int Lock(sqlite3_file* f, int level) {
  return Of(f)->base()->pMethods->xLock(Of(f)->base(), level);
}
int Unlock(sqlite3_file* f, int level) {
  return Of(f)->base()->pMethods->xUnlock(Of(f)->base(), level);
}
int CheckReservedLock(sqlite3_file* f, int* out) {
  return Of(f)->base()->pMethods->xCheckReservedLock(Of(f)->base(), out);
}
int FileControl(sqlite3_file* f, int op, void* arg) {
  return Of(f)->base()->pMethods->xFileControl(Of(f)->base(), op, arg);
}
int SectorSize(sqlite3_file* f) { return Of(f)->base()->pMethods->xSectorSize(Of(f)->base()); }
int DeviceCharacteristics(sqlite3_file* f) {
  return Of(f)->base()->pMethods->xDeviceCharacteristics(Of(f)->base());
}
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return Of(f)->base()->pMethods->xShmMap(Of(f)->base(), region, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Of(f)->base()->pMethods->xShmLock(Of(f)->base(), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { Of(f)->base()->pMethods->xShmBarrier(Of(f)->base()); }
int ShmUnmap(sqlite3_file* f, int remove) {
  return Of(f)->base()->pMethods->xShmUnmap(Of(f)->base(), remove);
}

const sqlite3_io_methods kMethods = {
    .iVersion = 2,  // no memory-mapped pages (version 3): every write goes through Write
    .xClose = Close,
    .xRead = Read,
    .xWrite = Write,
    .xTruncate = Truncate,
    .xSync = Sync,
    .xFileSize = FileSize,
    .xLock = Lock,
    .xUnlock = Unlock,
    .xCheckReservedLock = CheckReservedLock,
    .xFileControl = FileControl,
    .xSectorSize = SectorSize,
    .xDeviceCharacteristics = DeviceCharacteristics,
    .xShmMap = ShmMap,
    .xShmLock = ShmLock,
    .xShmBarrier = ShmBarrier,
    .xShmUnmap = ShmUnmap,
    .xFetch = nullptr,
    .xUnfetch = nullptr,
};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  (void)vfs;
  FaultFile* f = Of(file);
  f->header.pMethods = nullptr;
  const int rc = g_base->xOpen(g_base, name, f->base(), flags, out_flags);
  if (rc == SQLITE_OK && f->base()->pMethods != nullptr) f->header.pMethods = &kMethods;
  return rc;
}

sqlite3_vfs g_vfs;

}  // namespace

FullDisk::FullDisk(int64_t budget) {
  g_budget = budget;
  g_written = 0;
  g_refused = 0;
  g_base = sqlite3_vfs_find(nullptr);
  g_vfs = *g_base;
  g_vfs.zName = "dyad-full-disk";
  g_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
  g_vfs.xOpen = Open;
  g_vfs.pNext = nullptr;
  sqlite3_vfs_register(&g_vfs, /*makeDflt=*/1);
}

FullDisk::~FullDisk() {
  sqlite3_vfs_unregister(&g_vfs);
  sqlite3_vfs_register(g_base, /*makeDflt=*/1);
}

int64_t FullDisk::written() const { return g_written; }
int64_t FullDisk::refused() const { return g_refused; }

}  // namespace dyad::testing
