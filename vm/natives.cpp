// The standard-library shims: fmt, errors, strconv, strings, strings.Builder and
// bytes.Buffer, time (virtual clock), runtime, os, and the sync helpers that keep state in
// the VM (Pool contents, Cond construction).
#include <cstring>

#include "lang/assert.hpp"
#include "lang/constant.hpp"
#include "vm/machine_state.hpp"
#include "vm/utf8.hpp"

namespace lockstep::vm {

std::string format_duration(int64_t d);

namespace {

bool parse_int(std::string_view s, int64_t& out) {
    if (s.empty()) return false;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        i = 1;
    }
    if (i == s.size()) return false;
    uint64_t v = 0;
    for (; i < s.size(); i++) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + static_cast<uint64_t>(s[i] - '0');
        if (v > (1ull << 63)) return false;
    }
    if (!neg && v > static_cast<uint64_t>(INT64_MAX)) return false;
    out = neg ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
    return true;
}

}  // namespace

void Machine::Impl::native(Gid gid, Goroutine& g, const Instr& in) {
    NativeId id = static_cast<NativeId>(in.a);
    Value* S = g.stack.data();
    uint32_t n = in.n;
    uint32_t base = g.sp - n;  // first argument slot
    Value* A = S + base;
    // Variadic arguments: either n-fixed slots of interfaces, or (flag 1) one slice of them.
    auto variadic = [&](uint32_t fixed, const Value*& args, uint32_t& count) {
        if (in.k & 1) {
            Value s = A[fixed];
            args = s.p.b ? &heap[s.p.a] : nullptr;
            count = s.p.b;
        } else {
            args = A + fixed;
            count = n - fixed;
        }
    };
    auto ret = [&](std::initializer_list<Value> results) {
        g.sp = base;
        ensure_stack(g, static_cast<uint32_t>(results.size()));
        for (const Value& v : results) g.stack[g.sp++] = v;
    };
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    if ((id >= NativeId::TestingError && id <= NativeId::TestingEnd) ||
        (id >= NativeId::TestingRelease && id <= NativeId::TestingDoneChan)) {
        testing_native(gid, g, in);
        return;
    }
    if (native_time(gid, g, in)) return;
    if (id == NativeId::SyncMapRangeNext) {
        sync_map_range_next(gid, g, in);
        return;
    }
    switch (id) {
    case NativeId::FmtPrint:
    case NativeId::FmtPrintln:
    case NativeId::FmtPrintf:
    case NativeId::BuiltinPrint:
    case NativeId::BuiltinPrintln: {
        const Value* args;
        uint32_t count;
        g.print_buf.clear();
        if (id == NativeId::FmtPrintf) {
            variadic(1, args, count);
            scratch.assign(str(A[0]));
            std::string f = scratch;
            sprintf(g.print_buf, f, args, count);
        } else if (id == NativeId::BuiltinPrint || id == NativeId::BuiltinPrintln) {
            // print/println write to stderr in Go: nothing reaches stdout (streams() keeps it).
            variadic(0, args, count);
            if (limits.keep_streams) {
                builtin_print(g.print_buf, args, count, id == NativeId::BuiltinPrintln);
                append_stderr(g.print_buf);
                g.print_buf.clear();
            }
            g.sp = base;
            return;
        } else {
            variadic(0, args, count);
            sprint(g.print_buf, args, count, id == NativeId::FmtPrintln);
        }
        size_t len = g.print_buf.size();
        g.sp = base;
        if (id != NativeId::BuiltinPrint && id != NativeId::BuiltinPrintln && in.k & 2) {
            // the call's results (n int, err error) are used
            ensure_stack(g, 2);
            g.stack[g.sp++] = Value::of_int(static_cast<int64_t>(len));
            g.stack[g.sp++] = Value{};
        }
        if (nested) {
            append_output(g.print_buf);
            g.print_buf.clear();
            return;
        }
        pause(g, OpKind::Print, 0, site, Pend::Print);
        return;
    }
    case NativeId::FmtSprint:
    case NativeId::FmtSprintln:
    case NativeId::FmtSprintf:
    case NativeId::FmtErrorf: {
        const Value* args;
        uint32_t count;
        std::string out;
        Value wrapped{};
        if (id == NativeId::FmtSprintf || id == NativeId::FmtErrorf) {
            variadic(1, args, count);
            std::string f(str(A[0]));
            sprintf(out, f, args, count);
            if (id == NativeId::FmtErrorf) {
                // %w: the first argument matched by it is the wrapped error
                uint32_t argi = 0;
                for (size_t i = 0; i + 1 < f.size(); i++) {
                    if (f[i] != '%') continue;
                    size_t j = i + 1;
                    while (j < f.size() && std::strchr("+-# 0123456789.", f[j])) j++;
                    if (j < f.size() && f[j] == '%') { i = j; continue; }
                    if (j < f.size() && f[j] == 'w' && argi < count) { wrapped = args[argi]; break; }
                    argi++;
                    i = j;
                }
            }
        } else {
            variadic(0, args, count);
            sprint(out, args, count, id == NativeId::FmtSprintln);
        }
        if (g.pend != Pend::None) return;
        if (id == NativeId::FmtErrorf) ret({make_error(out, wrapped)});
        else ret({make_string(out)});
        return;
    }
    case NativeId::ErrorsNew: ret({make_error(str(A[0]))}); return;
    case NativeId::ErrorError: {
        Value m = A[0].p.a ? heap[A[0].p.a] : Value{};
        ret({m});
        return;
    }
    case NativeId::ErrorsIs: {
        // err's tree: Unwrap() error chains and errors.Join's lists (depth-first, as Go)
        Value target = A[1];
        auto is = [&](auto& self, Value err, int depth) -> bool {
            for (; depth < 100 && err.c != 0; depth++) {
                if (err.c == target.c && err.u == target.u) return true;
                if (err.c == rt::join_error) {
                    Value list = heap[err.p.a + 1];
                    for (uint32_t i = 0; i < list.p.b; i++)
                        if (self(self, heap[list.p.a + i], depth + 1)) return true;
                    return false;
                }
                Value next;
                if (!unwrap_error(err, next)) return false;  // natives_errors.cpp: user Unwrap methods too
                err = next;
            }
            return false;
        };
        bool found = is(is, A[0], 0);
        ret({Value::of_bool(found || (A[0].c == 0 && target.c == 0))});
        return;
    }
    case NativeId::ErrorsUnwrap: {
        Value next;
        unwrap_error(A[0], next);
        ret({next});
        return;
    }
    case NativeId::StrconvItoa:
    case NativeId::StrconvFormatInt: {
        std::string s;
        if (id == NativeId::StrconvFormatInt && A[1].i != 10) {
            int64_t v = A[0].i;
            int b = static_cast<int>(A[1].i);
            uint64_t u = v < 0 ? static_cast<uint64_t>(-v) : static_cast<uint64_t>(v);
            do { s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[u % b]); u /= b; } while (u);
            if (v < 0) s.insert(s.begin(), '-');
        } else s = std::to_string(A[0].i);
        ret({make_string(s)});
        return;
    }
    case NativeId::StrconvAtoi: {
        std::string_view s = str(A[0]);
        int64_t v = 0;
        if (parse_int(s, v)) {
            ret({Value::of_int(v), Value{}});
        } else {
            std::string msg = "strconv.Atoi: parsing " + lang::go_quote(s) + ": invalid syntax";
            ret({Value::of_int(0), make_error(msg)});
        }
        return;
    }
    case NativeId::StrconvQuote: ret({make_string(lang::go_quote(str(A[0])))}); return;
    case NativeId::StringsContains: ret({Value::of_bool(str(A[0]).find(str(A[1])) != std::string_view::npos)}); return;
    case NativeId::StringsHasPrefix: ret({Value::of_bool(str(A[0]).substr(0, str(A[1]).size()) == str(A[1]))}); return;
    case NativeId::StringsHasSuffix: {
        std::string_view s = str(A[0]), t = str(A[1]);
        ret({Value::of_bool(s.size() >= t.size() && s.substr(s.size() - t.size()) == t)});
        return;
    }
    case NativeId::StringsIndex: {
        size_t at = str(A[0]).find(str(A[1]));
        ret({Value::of_int(at == std::string_view::npos ? -1 : static_cast<int64_t>(at))});
        return;
    }
    case NativeId::StringsJoin: {
        Value s = A[0];
        std::string out;
        for (uint32_t i = 0; i < s.p.b; i++) {
            if (i) out.append(str(A[1]));
            out.append(str(heap[s.p.a + i]));
        }
        ret({make_string(out)});
        return;
    }
    case NativeId::StringsRepeat: {
        if (A[1].i < 0) {
            runtime_panic(g, "strings: negative Repeat count");
            return;
        }
        std::string out;
        for (int64_t i = 0; i < A[1].i; i++) out.append(str(A[0]));
        ret({make_string(out)});
        return;
    }
    case NativeId::StringsToUpper:
    case NativeId::StringsToLower: {
        std::string out(str(A[0]));
        for (char& c : out) c = static_cast<char>(id == NativeId::StringsToUpper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
        ret({make_string(out)});
        return;
    }
    case NativeId::StringsTrimSpace: {
        std::string_view s = str(A[0]);
        size_t b = 0, e = s.size();
        while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) b++;
        while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) e--;
        Value v = A[0];
        v.p.a += static_cast<uint32_t>(b);
        v.p.b = static_cast<uint32_t>(e - b);
        if (e == b) v = Value{};
        ret({v});
        return;
    }
    case NativeId::StringsReplaceAll: {
        std::string s(str(A[0])), from(str(A[1])), to(str(A[2]));
        std::string out;
        if (from.empty()) out = s;
        else {
            size_t i = 0;
            for (;;) {
                size_t at = s.find(from, i);
                if (at == std::string::npos) { out.append(s, i); break; }
                out.append(s, i, at - i);
                out += to;
                i = at + from.size();
            }
        }
        ret({make_string(out)});
        return;
    }
    case NativeId::StringsSplit:
    case NativeId::StringsFields: {
        std::string s(str(A[0]));
        std::vector<std::pair<size_t, size_t>> parts;
        if (id == NativeId::StringsFields) {
            size_t i = 0;
            while (i < s.size()) {
                while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) i++;
                size_t b = i;
                while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) i++;
                if (i > b) parts.push_back({b, i - b});
            }
        } else {
            std::string sep(str(A[1]));
            if (sep.empty()) {
                for (size_t i = 0; i < s.size();) {
                    uint32_t w = utf8_decode(s, i).width;
                    parts.push_back({i, w});
                    i += w;
                }
            } else {
                size_t i = 0;
                for (;;) {
                    size_t at = s.find(sep, i);
                    if (at == std::string::npos) { parts.push_back({i, s.size() - i}); break; }
                    parts.push_back({i, at - i});
                    i = at + sep.size();
                }
            }
        }
        Value src = A[0];
        Cell c = alloc(static_cast<uint32_t>(parts.size()));
        if (c == 0 && !parts.empty()) return;
        for (size_t i = 0; i < parts.size(); i++) {
            Value v = src;
            v.p.a += static_cast<uint32_t>(parts[i].first);
            v.p.b = static_cast<uint32_t>(parts[i].second);
            if (parts[i].second == 0) v = Value{};
            heap[c + i] = v;
        }
        uint32_t cnt = static_cast<uint32_t>(parts.size());
        ret({Value::of_pair(c, cnt, cnt)});
        return;
    }
    case NativeId::BuilderWriteString:
    case NativeId::BufferWriteString:
    case NativeId::BuilderWriteByte:
    case NativeId::BufferWriteByte:
    case NativeId::BuilderWriteRune:
    case NativeId::BufferWriteRune:
    case NativeId::BufferWrite:
    case NativeId::BuilderWrite: {
        Cell p = A[0].p.a;
        if (p == 0) {
            runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
            return;
        }
        scratch.assign(str(heap[p]));
        size_t before = scratch.size();
        if (id == NativeId::BuilderWriteString || id == NativeId::BufferWriteString) scratch.append(str(A[1]));
        else if (id == NativeId::BuilderWriteByte || id == NativeId::BufferWriteByte) scratch.push_back(static_cast<char>(A[1].i));
        else if (id == NativeId::BufferWrite || id == NativeId::BuilderWrite)
            for (uint32_t i = 0; i < A[1].p.b; i++) scratch.push_back(static_cast<char>(heap[A[1].p.a + i].i));
        else {
            char buf[4];
            scratch.append(buf, utf8_encode(A[1].i, buf));
        }
        heap[p] = make_string(scratch);
        int64_t written = static_cast<int64_t>(scratch.size() - before);
        if (id == NativeId::BuilderWriteByte || id == NativeId::BufferWriteByte) ret({Value{}});
        else ret({Value::of_int(written), Value{}});
        return;
    }
    case NativeId::BuilderString:
    case NativeId::BufferString: {
        Cell p = A[0].p.a;
        ret({p ? heap[p] : make_string("<nil>")});
        return;
    }
    case NativeId::BuilderLen:
    case NativeId::BufferLen: {
        Cell p = A[0].p.a;
        ret({Value::of_int(p ? heap[p].p.b : 0)});
        return;
    }
    case NativeId::BuilderGrow: {
        Cell p = A[0].p.a;
        if (p == 0) {
            runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
            return;
        }
        if (A[1].i < 0) {
            string_panic(g, "strings.Builder.Grow: negative count");
            return;
        }
        ret({});
        return;
    }
    case NativeId::BuilderReset:
    case NativeId::BufferReset: {
        Cell p = A[0].p.a;
        if (p) heap[p] = Value{};
        ret({});
        return;
    }
    case NativeId::TimeSleep:
    case NativeId::RuntimeGosched: {
        if (id == NativeId::TimeSleep && A[0].i > 0) clock += A[0].i;
        g.sp = base;
        if (nested) return;
        pause(g, OpKind::Yield, 0, site, Pend::Yield);
        return;
    }
    // The clock and the goroutine count are read without a visible operation: a loop
    // that reads them is never taken for a spin that changed nothing (vm/back_edge.cpp).
    case NativeId::TimeNow: forget_loops(g); ret({Value::of_int(clock)}); return;
    case NativeId::TimeSince: forget_loops(g); ret({Value::of_int(clock - A[0].i)}); return;
    case NativeId::TimeAdd: ret({Value::of_int(A[0].i + A[1].i)}); return;
    case NativeId::TimeSub: ret({Value::of_int(A[0].i - A[1].i)}); return;
    case NativeId::TimeAfter: ret({Value::of_bool(A[0].i > A[1].i)}); return;
    case NativeId::TimeBefore: ret({Value::of_bool(A[0].i < A[1].i)}); return;
    case NativeId::DurationString: ret({make_string(format_duration(A[0].i))}); return;
    case NativeId::DurationSeconds: ret({Value::of_float(static_cast<double>(A[0].i) / 1e9)}); return;
    case NativeId::DurationMilliseconds: ret({Value::of_int(A[0].i / 1000000)}); return;
    case NativeId::RuntimeNumGoroutine: {
        forget_loops(g);
        int64_t live = 0;
        for (uint32_t i = 0; i < goroutine_count(); i++) live += gs[i].state != GoroutineState::Done && !gs[i].timer;
        ret({Value::of_int(live)});
        return;
    }
    case NativeId::OsExit:
        exit_status = static_cast<int>(A[0].i);
        g.sp = base;
        pause(g, OpKind::Exit, 0, site, Pend::Exit);
        return;
    case NativeId::SyncNewCond: {
        Value l = A[0];
        Cell c = alloc(2);
        if (c == 0) return;
        heap[c + 1] = l;
        ret({Value::of_ptr(c)});
        return;
    }
    case NativeId::SyncMapLoad:
    case NativeId::SyncMapStore:
    case NativeId::SyncMapLoadOrStore:
    case NativeId::SyncMapLoadAndDelete:
    case NativeId::SyncMapDelete: {
        Cell p = A[0].p.a;
        if (p == 0) {
            runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
            return;
        }
        g.pinstr = in;
        g.pcell = p;
        bool read = id == NativeId::SyncMapLoad;
        if (nested) {
            Outcome none;
            g.pend = Pend::SyncMap;
            perform(gid, none);
            g.pend = Pend::None;
            return;
        }
        pause(g, read ? OpKind::AtomicLoad : OpKind::AtomicRmw, p, site, Pend::SyncMap);
        return;
    }
    case NativeId::PoolGet:
    case NativeId::PoolPut: {
        Cell p = A[0].p.a;
        if (p == 0) {
            runtime_panic(g, "runtime error: invalid memory address or nil pointer dereference");
            return;
        }
        uint32_t sid = sync_id(p);
        if (id == NativeId::PoolPut) {
            A[0] = A[1];
            g.sp = base + 1;
        } else {
            g.sp = base;
        }
        if (nested) {
            fatal(g, "unsupported: sync.Pool inside a method called by fmt", site);
            return;
        }
        g.pinstr = in;
        g.pcell = p;
        g.parg = sid;
        pause(g, id == NativeId::PoolGet ? OpKind::PoolGet : OpKind::PoolPut, sid, site,
              id == NativeId::PoolGet ? Pend::PoolGet : Pend::PoolPut);
        return;
    }
    default:
        if (native_math(g, id, base) || native_complex(g, in, base) || native_runtime(g, id, base) || native_rand(g, id, in, base) || native_std(gid, g, in, base) ||
            native_text(g, id, base))
            return;
        LOCKSTEP_ASSERT(false, "native without an implementation: " + std::string(native_go_name(id)));
    }
    (void)gid;
}

}  // namespace lockstep::vm
