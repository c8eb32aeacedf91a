#pragma once
// Decides when the GUI draws. Idle draws nothing: the loop sleeps in glfwWaitEventsTimeout until
// input, a window event, or a wake-up posted by a worker thread. After input it keeps drawing for
// a few frames and a short while, so hover effects, popups and ImGui's own timers settle.
#include <atomic>
#include <cstdint>

namespace aovpn::app {

class FramePacer {
  public:
    static constexpr int kFramesAfterInput = 3;
    static constexpr double kSecondsAfterInput = 0.6;
    static constexpr double kFrameInterval = 1.0 / 60.0; // cap while active
    static constexpr double kIdleTimeout = 0.5;          // how often an idle loop checks deadlines

    // Called from GLFW callbacks (UI thread) or any thread with a pending result.
    void wake() { woken_.store(true, std::memory_order_relaxed); }

    // How long the loop may sleep before the next decision, given the clock.
    double waitSeconds(double now) const;
    // Consumes wake-ups; true when a frame should be drawn now.
    bool shouldDraw(double now);
    void frameDrawn(double now);

    std::uint64_t framesDrawn() const { return frames_; }

  private:
    std::atomic<bool> woken_{true};
    int framesLeft_ = kFramesAfterInput;
    double activeUntil_ = 0.0;
    double lastFrame_ = -1.0;
    std::uint64_t frames_ = 0;
};

} // namespace aovpn::app
