// Batches handed from a producer thread to a consumer thread: a fixed pool
// of batches circulates between them, so memory stays the same whatever the
// input's size and a fast producer waits for a slow consumer.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace numreg::import {

template <class Batch>
class Handoff {
 public:
  explicit Handoff(size_t batches) {
    for (size_t i = 0; i < batches; ++i) {
      free_.push_back(std::make_unique<Batch>());
    }
  }

  /// Producer: an empty batch to fill, waiting for one if need be; nullptr
  /// once the consumer has stopped.
  std::unique_ptr<Batch> empty() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || !free_.empty(); });
    if (stopped_) {
      return nullptr;
    }
    auto batch = std::move(free_.front());
    free_.pop_front();
    return batch;
  }

  /// Producer: hand over a filled batch.
  void put(std::unique_ptr<Batch> batch) {
    {
      std::lock_guard lock(mutex_);
      full_.push_back(std::move(batch));
    }
    changed_.notify_all();
  }

  /// Producer: no more batches will come.
  void finish() {
    {
      std::lock_guard lock(mutex_);
      finished_ = true;
    }
    changed_.notify_all();
  }

  /// Consumer: the next filled batch, waiting for it; nullptr when the
  /// producer has finished and every batch has been taken.
  std::unique_ptr<Batch> take() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return finished_ || !full_.empty(); });
    if (full_.empty()) {
      return nullptr;
    }
    auto batch = std::move(full_.front());
    full_.pop_front();
    return batch;
  }

  /// Consumer: give a batch back to be filled again.
  void recycle(std::unique_ptr<Batch> batch) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(batch));
    }
    changed_.notify_all();
  }

  /// Consumer: take no more; the producer's next empty() returns nullptr.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_;
  std::deque<std::unique_ptr<Batch>> full_;
  bool finished_ = false;
  bool stopped_ = false;
};

}  // namespace numreg::import
