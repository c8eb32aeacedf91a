#include "frame_pacer.hpp"

#include <algorithm>

namespace aovpn::app {

double FramePacer::waitSeconds(double now) const {
    const bool active = framesLeft_ > 0 || now < activeUntil_;
    if (!active) return kIdleTimeout;
    return std::max(0.0, lastFrame_ + kFrameInterval - now);
}

bool FramePacer::shouldDraw(double now) {
    if (woken_.exchange(false, std::memory_order_relaxed)) {
        framesLeft_ = kFramesAfterInput;
        activeUntil_ = now + kSecondsAfterInput;
    }
    const bool active = framesLeft_ > 0 || now < activeUntil_;
    return active && now >= lastFrame_ + kFrameInterval;
}

void FramePacer::frameDrawn(double now) {
    lastFrame_ = now;
    framesLeft_ = std::max(0, framesLeft_ - 1);
    ++frames_;
}

} // namespace aovpn::app
