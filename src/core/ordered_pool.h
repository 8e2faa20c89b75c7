// Runs a function over a stream of items on worker threads and hands the results back in the
// order the items came, holding at most `window` items at once: parallel, yet the output is
// that of a single thread, and memory stays bounded however long the stream.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace dyad::core {

template <typename In, typename Out>
class OrderedPool {
 public:
  OrderedPool(size_t threads, size_t window, std::function<Out(In&)> work)
      : window_(std::max<size_t>(window, 1)), work_(std::move(work)), slots_(window_) {
    for (size_t i = 0; i < std::max<size_t>(threads, 1); ++i) {
      workers_.emplace_back([this] { Work(); });
    }
  }
  // Waits for the items being worked on; those not started are dropped.
  ~OrderedPool() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      tasks_.clear();
      stop_ = true;
    }
    task_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Items pushed and not yet popped. Push and Pop belong to one thread.
  size_t in_flight() const { return pushed_ - popped_; }
  bool full() const { return in_flight() >= window_; }

  // Queues an item; only when !full().
  void Push(In item) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      tasks_.emplace_back(pushed_++, std::move(item));
    }
    task_ready_.notify_one();
  }

  // The result of the oldest item in flight, waiting for it; only when in_flight() > 0.
  // Rethrows what the work threw.
  Out Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot& slot = slots_[popped_ % window_];
    done_.wait(lock, [&] { return slot.ready; });
    return Take(slot);
  }

  // The result of the oldest item in flight if it is ready.
  std::optional<Out> TryPop() {
    const std::lock_guard<std::mutex> lock(mutex_);
    Slot& slot = slots_[popped_ % window_];
    if (in_flight() == 0 || !slot.ready) return std::nullopt;
    return Take(slot);
  }

 private:
  struct Slot {
    bool ready = false;
    std::optional<Out> out;
    std::exception_ptr error;
  };

  Out Take(Slot& slot) {
    ++popped_;
    slot.ready = false;
    if (slot.error) std::rethrow_exception(std::exchange(slot.error, nullptr));
    Out out = std::move(*slot.out);
    slot.out.reset();
    return out;
  }

  void Work() {
    while (true) {
      std::pair<size_t, In> task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        task_ready_.wait(lock, [&] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      std::optional<Out> out;
      std::exception_ptr error;
      try {
        out.emplace(work_(task.second));
      } catch (...) {
        error = std::current_exception();
      }
      bool oldest = false;
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        Slot& slot = slots_[task.first % window_];
        slot.out = std::move(out);
        slot.error = error;
        slot.ready = true;
        oldest = task.first == popped_;
      }
      // Pop waits for the oldest item only: waking it for any other would cost a context
      // switch per item for nothing.
      if (oldest) done_.notify_one();
    }
  }

  const size_t window_;
  std::function<Out(In&)> work_;
  std::vector<Slot> slots_;
  std::deque<std::pair<size_t, In>> tasks_;
  size_t pushed_ = 0, popped_ = 0;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable task_ready_, done_;
  std::vector<std::thread> workers_;
};

}  // namespace dyad::core
