// Channel enabledness (the VM keeps the values; the checker decides who may proceed and
// with whom). A send proceeds when the buffer has room, the channel is closed (it will
// panic) or, unbuffered, a receiver is waiting; a receive when the buffer has a value,
// the channel is closed, or, unbuffered, a sender is waiting (a rendezvous).
#pragma once

#include <cstdint>

namespace lockstep::sync {

struct ChannelView {
    uint32_t capacity = 0;
    uint32_t buffered = 0;
    bool closed = false;
};

inline bool send_ready(const ChannelView& c, bool receiver_waiting) {
    if (c.closed) return true;
    if (c.capacity > 0) return c.buffered < c.capacity;
    return receiver_waiting;
}
inline bool recv_ready(const ChannelView& c, bool sender_waiting) {
    if (c.buffered > 0 || c.closed) return true;
    return c.capacity == 0 && sender_waiting;
}

}  // namespace lockstep::sync
