// The library's package variables (os.Stdout, os.Stderr, os.Args, io.EOF and io's other
// errors: one value per execution, so `err == io.EOF` compares identities as in Go),
// writers (fmt.Fprint*, *os.File, io.Discard), log, errors.As/Join and runtime.NumCPU/
// GOMAXPROCS/Goexit.
#include <cstring>
#include <string>
#include <thread>

#include "lang/assert.hpp"
#include "vm/machine_state.hpp"

namespace lockstep::vm {

namespace {

// Go's log timestamp of the virtual clock: the clock starts at 2009/11/10 23:00:00 UTC
// (the Go playground's fixed time), so every run prints the same text.
struct Civil {
    int64_t y, m, d, rem;  // date, and seconds into the day
};

Civil civil_time(int64_t clock_ns) {
    constexpr int64_t start_unix = 1257894000;  // 2009-11-10T23:00:00Z
    int64_t ns = clock_ns < 0 ? 0 : clock_ns;
    int64_t secs = start_unix + ns / 1000000000;
    int64_t days = secs / 86400, rem = secs % 86400;
    // civil_from_days (Howard Hinnant's algorithm)
    int64_t z = days + 719468;
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) y++;
    return {y, m, d, rem};
}

std::string log_timestamp(int64_t clock_ns, int64_t flags) {
    int64_t ns = clock_ns < 0 ? 0 : clock_ns;
    auto [y, m, d, rem] = civil_time(clock_ns);
    char buf[64];
    std::string out;
    if (flags & 1) {
        std::snprintf(buf, sizeof buf, "%04lld/%02lld/%02lld ", static_cast<long long>(y), static_cast<long long>(m),
                      static_cast<long long>(d));
        out += buf;
    }
    if (flags & (2 | 4)) {
        std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(rem / 3600),
                      static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
        out += buf;
        if (flags & 4) {
            std::snprintf(buf, sizeof buf, ".%06lld", static_cast<long long>(ns % 1000000000 / 1000));
            out += buf;
        }
        out += ' ';
    }
    return out;
}

// Go's Time.String of a virtual-clock time: "2009-11-10 23:00:01.5 +0000 UTC m=+1.500000000"
// (time.Now's times carry a monotonic reading, counted from the clock's start).
std::string time_string(int64_t clock_ns) {
    auto [y, m, d, rem] = civil_time(clock_ns);
    int64_t ns = clock_ns < 0 ? 0 : clock_ns;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", static_cast<long long>(y),
                  static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600),
                  static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
    std::string out = buf;
    if (int64_t frac = ns % 1000000000; frac != 0) {
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
        std::string f = buf;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    out += " +0000 UTC m=";
    int64_t mono = clock_ns;
    out += mono < 0 ? '-' : '+';
    uint64_t u = mono < 0 ? static_cast<uint64_t>(-mono) : static_cast<uint64_t>(mono);
    std::snprintf(buf, sizeof buf, "%llu.%09llu", static_cast<unsigned long long>(u / 1000000000),
                  static_cast<unsigned long long>(u % 1000000000));
    return out + buf;
}

int64_t machine_cpus() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int64_t>(n);
}

}  // namespace

void Machine::Impl::reset_library() {
    auto file = [&](int64_t fd) {
        Cell c = alloc(1);
        heap[c] = Value::of_int(fd);
        return Value::of_ptr(c);
    };
    lib_stdout = file(1);
    lib_stderr = file(2);
    // os.Args: the program's name only (lockstep runs a scenario without arguments)
    Cell a = alloc(1);
    heap[a] = make_string("prog");
    lib_args = Value::of_pair(a, 1, 1);
    lib_eof = make_error("EOF");
    lib_unexpected_eof = make_error("unexpected EOF");
    lib_short_write = make_error("short write");
    lib_closed_pipe = make_error("io: read/write on closed pipe");
    lib_short_buffer = make_error("short buffer");
    lib_no_progress = make_error("multiple Read calls return no data or error");
    lib_log_cell = alloc(1);
    log_flags = 3;
    log_prefix.clear();
    gomaxprocs = 0;
}

// Go's log header: the prefix (unless Lmsgprefix puts it after the header), the date
// and time of the virtual clock, and file:line of `site` for Llongfile/Lshortfile.
std::string Machine::Impl::log_header(const std::string& prefix, int64_t flags, uint32_t site) {
    std::string line = (flags & 64) ? "" : prefix;
    line += log_timestamp(clock, flags);
    if (flags & (8 | 16)) {
        const Site& s = M.sites[site < M.sites.size() ? site : 0];
        std::string file = s.file ? s.file->file_line(s.pos.line).path : "???";
        if (flags & 16) file = file.substr(file.rfind('/') == std::string::npos ? 0 : file.rfind('/') + 1);
        line += file + ":" + std::to_string(s.file ? s.file->file_line(s.pos.line).line : 0) + ": ";
    }
    if (flags & 64) line += prefix;
    return line;
}

void Machine::Impl::print_text(Goroutine& g, bool to_stderr, uint32_t site) {
    if (nested) {
        if (to_stderr) append_stderr(g.print_buf);
        else append_output(g.print_buf);
        g.print_buf.clear();
        return;
    }
    g.print_to_stderr = to_stderr;
    pause(g, OpKind::Print, 0, site, Pend::Print);
}

// Whether err, or an error in its tree (Unwrap() error, errors.Join), has the type of
// target's pointee; the first one that has is stored through target.
bool Machine::Impl::error_as(Value err, uint32_t target_type, Cell target, int depth) {
    if (err.c == 0 || depth > 100) return false;
    const RType& t = M.types[target_type];
    bool match = t.kind == RKind::Interface ? implements(err.c, target_type) : err.c == target_type;
    if (match) {
        if (t.kind == RKind::Interface) {
            heap[target] = err;
        } else if (t.boxed_in_interface()) {
            std::memcpy(&heap[target], &heap[err.p.a], sizeof(Value) * t.slots);
        } else {
            Value v = err;
            v.c = 0;
            heap[target] = v;
        }
        return true;
    }
    if (err.c == rt::join_error) {
        Value list = heap[err.p.a + 1];
        for (uint32_t i = 0; i < list.p.b; i++)
            if (error_as(heap[list.p.a + i], target_type, target, depth + 1)) return true;
        return false;
    }
    Value next;
    if (!unwrap_error(err, next)) return false;
    return error_as(next, target_type, target, depth + 1);
}

bool Machine::Impl::native_std(Gid gid, Goroutine& g, const Instr& in, uint32_t base) {
    NativeId id = static_cast<NativeId>(in.a);
    Value* A = g.stack.data() + base;
    uint32_t n = in.n;
    auto site = static_cast<uint32_t>(in.b < 0 ? 0 : in.b);
    auto ret = [&](std::initializer_list<Value> results) {
        g.sp = base;
        ensure_stack(g, static_cast<uint32_t>(results.size()));
        for (const Value& v : results) g.stack[g.sp++] = v;
    };
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
    auto bytes_of = [&](Value s) {
        std::string out;
        for (uint32_t i = 0; i < s.p.b; i++) out.push_back(static_cast<char>(heap[s.p.a + i].i));
        return out;
    };
    auto format = [&](std::string& out, uint32_t fixed, bool printf, bool ln) {
        const Value* args;
        uint32_t count;
        variadic(fixed + (printf ? 1 : 0), args, count);
        if (printf) {
            std::string f(str(A[fixed]));
            sprintf(out, f, args, count);
        } else {
            sprint(out, args, count, ln);
        }
    };
    switch (id) {
    case NativeId::OsStdout: ret({lib_stdout}); return true;
    case NativeId::OsStderr: ret({lib_stderr}); return true;
    case NativeId::OsArgs: ret({lib_args}); return true;
    case NativeId::IoEOF: ret({lib_eof}); return true;
    case NativeId::IoErrUnexpectedEOF: ret({lib_unexpected_eof}); return true;
    case NativeId::IoErrShortWrite: ret({lib_short_write}); return true;
    case NativeId::IoErrClosedPipe: ret({lib_closed_pipe}); return true;
    case NativeId::IoErrShortBuffer: ret({lib_short_buffer}); return true;
    case NativeId::IoErrNoProgress: ret({lib_no_progress}); return true;
    case NativeId::FmtFprint:
    case NativeId::FmtFprintln:
    case NativeId::FmtFprintf:
    case NativeId::IoWriteString: {
        // [w args...] -> [w []byte]: the compiled call goes on with w.Write(bytes)
        std::string out;
        if (id == NativeId::IoWriteString) out = std::string(str(A[1]));
        else format(out, 1, id == NativeId::FmtFprintf, id == NativeId::FmtFprintln);
        if (g.pend != Pend::None) return true;
        Value w = A[0];
        Cell c = out.empty() ? 0 : alloc(static_cast<uint32_t>(out.size()));
        if (c == 0 && !out.empty()) return true;
        for (size_t i = 0; i < out.size(); i++) heap[c + i] = Value::of_int(static_cast<uint8_t>(out[i]));
        uint32_t len = static_cast<uint32_t>(out.size());
        ret({w, Value::of_pair(c, len, len)});
        return true;
    }
    case NativeId::OsFileWrite:
    case NativeId::OsFileWriteString: {
        Cell p = A[0].p.a;
        if (p == 0) {
            ret({Value::of_int(0), make_error("invalid argument")});
            return true;
        }
        int64_t fd = heap[p].i;
        std::string text = id == NativeId::OsFileWrite ? bytes_of(A[1]) : std::string(str(A[1]));
        if (fd != 1 && fd != 2) {
            ret({Value::of_int(0), make_error("invalid argument")});
            return true;
        }
        ret({Value::of_int(static_cast<int64_t>(text.size())), Value{}});
        g.print_buf = std::move(text);
        print_text(g, fd == 2, site);
        return true;
    }
    case NativeId::DiscardWrite: {
        uint32_t len = n ? A[n - 1].p.b : 0;
        ret({Value::of_int(len), Value{}});
        return true;
    }
    case NativeId::DiscardWriteString: {
        uint32_t len = n ? A[n - 1].p.b : 0;
        ret({Value::of_int(len), Value{}});
        return true;
    }
    case NativeId::LogPrint:
    case NativeId::LogPrintf:
    case NativeId::LogPrintln:
    case NativeId::LogFatal:
    case NativeId::LogFatalf:
    case NativeId::LogFatalln:
    case NativeId::LogPanic:
    case NativeId::LogPanicf:
    case NativeId::LogPanicln: {
        bool printf = id == NativeId::LogPrintf || id == NativeId::LogFatalf || id == NativeId::LogPanicf;
        bool ln = id == NativeId::LogPrintln || id == NativeId::LogFatalln || id == NativeId::LogPanicln;
        std::string msg;
        format(msg, 0, printf, ln);
        if (g.pend != Pend::None) return true;
        // Go's Logger.Output: prefix, date and time, file:line, message, one newline
        std::string line = log_header(log_prefix, log_flags, site) + msg;
        if (line.empty() || line.back() != '\n') line += '\n';
        g.sp = base;
        if (id == NativeId::LogPanic || id == NativeId::LogPanicf || id == NativeId::LogPanicln) {
            // the output first (written directly: the panic that follows is the visible
            // operation), then panic(s) with the message, not the decorated line
            append_stderr(line);
            string_panic(g, msg);
            return true;
        }
        if (id == NativeId::LogFatal || id == NativeId::LogFatalf || id == NativeId::LogFatalln) {
            append_stderr(line);
            exit_status = 1;
            pause(g, OpKind::Exit, 0, site, Pend::Exit);
            return true;
        }
        g.print_buf = line;
        if (nested) {
            print_text(g, true, site);
            return true;
        }
        // Go's Logger writes each line under its mutex: an atomic update of the logger's
        // own cell, so two goroutines' lines are ordered for the race detector as in Go
        g.print_to_stderr = true;
        pause(g, OpKind::AtomicRmw, lib_log_cell, site, Pend::Print);
        return true;
    }
    case NativeId::LogHeader: {
        // [prefix flag calldepth]: the header of a Logger's line; the position is that of
        // the call calldepth frames above the calling function (log.go's Output)
        int64_t depth = A[2].i;
        uint32_t at = site;
        if (depth >= 1) {
            at = 0;
            if (depth < static_cast<int64_t>(g.frames.size())) {
                const Frame& f = g.frames[g.frames.size() - 1 - static_cast<size_t>(depth)];
                at = M.functions[f.fn].site_at(f.pc == 0 ? 0 : f.pc - 1);
            }
        }
        std::string h = log_header(std::string(str(A[0])), A[1].i, at);
        ret({make_string(h)});
        return true;
    }
    case NativeId::LogSetFlags: log_flags = A[0].i; g.sp = base; return true;
    case NativeId::LogFlags: ret({Value::of_int(log_flags)}); return true;
    case NativeId::LogSetPrefix: log_prefix = std::string(str(A[0])); g.sp = base; return true;
    case NativeId::LogPrefix: ret({make_string(log_prefix)}); return true;
    case NativeId::ErrorsAs: {
        // [err target type-of-target-operand-checked-by-the-compiler]
        Value err = A[0], target = A[1];
        if (target.c == 0 || M.types[target.c].kind != RKind::Pointer || target.p.a == 0) {
            string_panic(g, "errors: target must be a non-nil pointer");
            return true;
        }
        uint32_t elem = M.types[target.c].elem;
        if (M.types[elem].kind != RKind::Interface && !implements(elem, rt::error)) {
            string_panic(g, "errors: *target must be interface or implement error");
            return true;
        }
        bool found = error_as(err, elem, target.p.a, 0);
        ret({Value::of_bool(found)});
        return true;
    }
    case NativeId::ErrorsJoin: {
        const Value* args;
        uint32_t count;
        variadic(0, args, count);
        std::vector<Value> errs;
        for (uint32_t i = 0; i < count; i++)
            if (args[i].c != 0) errs.push_back(args[i]);
        if (errs.empty()) {
            ret({Value{}});
            return true;
        }
        std::string msg;
        for (size_t i = 0; i < errs.size(); i++) {
            if (i) msg += '\n';
            std::string text;
            if (!call_string_method(errs[i], M.error_method, text)) return true;
            msg += text;
        }
        Cell list = alloc(static_cast<uint32_t>(errs.size()));
        if (list == 0) return true;
        for (size_t i = 0; i < errs.size(); i++) heap[list + i] = errs[i];
        Value e = make_error(msg, Value::of_pair(list, static_cast<uint32_t>(errs.size()), static_cast<uint32_t>(errs.size())));
        e.c = rt::join_error;
        ret({e});
        return true;
    }
    case NativeId::TimeString: ret({make_string(time_string(A[0].i))}); return true;
    case NativeId::RuntimeNumCPU: ret({Value::of_int(machine_cpus())}); return true;
    case NativeId::RuntimeGOMAXPROCS: {
        int64_t prev = gomaxprocs ? gomaxprocs : machine_cpus();
        if (A[0].i > 0) gomaxprocs = A[0].i;
        ret({Value::of_int(prev)});
        return true;
    }
    case NativeId::RuntimeGoexit:
        g.sp = base;
        goexit(g);
        return true;
    default: return false;
    }
    (void)gid;
}

}  // namespace lockstep::vm
