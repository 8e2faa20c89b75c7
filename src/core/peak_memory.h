// The peak resident memory of this process, for the summaries and benchmarks that report it.
#pragma once

#include <sys/resource.h>

namespace dyad::core {

// In MiB (Linux reports ru_maxrss in KiB).
inline double PeakMemoryMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace dyad::core
