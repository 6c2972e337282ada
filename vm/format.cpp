// Go's fmt formatting of VM values: Print/Println spacing, Printf verbs with flags, width
// and precision, %v of structs, pointers, slices, maps (sorted by key), errors and
// Stringers, and the text of panic values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <vector>

#include "lang/constant.hpp"
#include "vm/machine_state.hpp"
#include "vm/utf8.hpp"

namespace lockstep::vm {
std::string runtime_error_type(std::string_view msg);  // below
std::string print_float(double v);                     // vm/builtin_print.cpp: runtime.printfloat

namespace {

// Shortest decimal that round-trips, then strconv's 'g' layout with precision -1, which
// %v and %g use: exponent form when the exponent is < -4 or >= 6 ... or beyond 21 digits.
// f32: the value is a float32, whose shortest form is the shortest that reads back as
// the same float32 (0.1 prints as 0.1, not 0.10000000149011612).
std::string format_float_g(double f, int prec, bool is_v, bool f32 = false) {
    if (std::isnan(f)) return "NaN";
    if (std::isinf(f)) return f > 0 ? "+Inf" : "-Inf";
    char buf[64];
    if (prec < 0) {
        // shortest representation
        int p = 1;
        for (; p <= 17; p++) {
            std::snprintf(buf, sizeof buf, "%.*e", p - 1, f);
            double back = std::strtod(buf, nullptr);
            if (f32 ? static_cast<float>(back) == static_cast<float>(f) : back == f) break;
        }
        // buf is d.ddde±XX; decide layout
        std::string s(buf);
        size_t e = s.find('e');
        int exp = std::atoi(s.c_str() + e + 1);
        std::string mant = s.substr(0, e);
        bool neg = mant[0] == '-';
        if (neg) mant.erase(0, 1);
        std::string digits;
        for (char c : mant)
            if (c != '.') digits.push_back(c);
        while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
        // strconv's shortest %g: exponent form when exp < -4 || exp >= 6 (for %v too)
        int eprec = 6;
        (void)is_v;
        std::string out = neg ? "-" : "";
        if (exp < -4 || exp >= eprec) {
            out += digits[0];
            if (digits.size() > 1) out += "." + digits.substr(1);
            char eb[16];
            std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
            out += eb;
            return out;
        }
        if (exp < 0) {
            out += "0." + std::string(-exp - 1, '0') + digits;
        } else if (static_cast<int>(digits.size()) <= exp + 1) {
            out += digits + std::string(exp + 1 - digits.size(), '0');
        } else {
            out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
        }
        return out;
    }
    std::snprintf(buf, sizeof buf, "%.*g", prec, f);
    return buf;
}


// One part of a complex value as %e, %f or %g print it (prec < 0: the default).
std::string format_part(double f, char verb, int prec, bool f32, bool plus, bool space) {
    std::string s;
    if (std::isnan(f)) s = plus ? "+NaN" : space ? " NaN" : "NaN";
    else if (std::isinf(f)) s = f > 0 ? (plus ? "+Inf" : space ? " Inf" : "+Inf") : "-Inf";
    else if ((verb == 'g' || verb == 'G') && prec < 0) {
        s = format_float_g(f, -1, false, f32);
        if (f >= 0 && !std::signbit(f)) s = (plus ? "+" : space ? " " : "") + s;
    } else {
        char fmtbuf[16], b[512];
        std::snprintf(fmtbuf, sizeof fmtbuf, "%%%s.%d%c", plus ? "+" : space ? " " : "", prec < 0 ? 6 : prec, verb == 'F' ? 'f' : verb);
        std::snprintf(b, sizeof b, fmtbuf, f);
        s = b;
    }
    return s;
}

// Go's fmtC: "(" real, then the imaginary part always signed, "i)".
std::string format_complex(double re, double im, char verb, int prec, bool f32, bool plus, bool space) {
    return "(" + format_part(re, verb, prec, f32, plus, space) + format_part(im, verb, prec, f32, true, false) + "i)";
}

std::string hex_of(uint64_t v, bool upper) {
    char buf[32];
    std::snprintf(buf, sizeof buf, upper ? "%llX" : "%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string fake_address(uint32_t cell) { return "0xc" + hex_of(0x000010000ull + uint64_t(cell) * 8, false).insert(0, 9 - std::min<size_t>(9, hex_of(0x000010000ull + uint64_t(cell) * 8, false).size()), '0'); }

std::string duration_string(int64_t d) {
    // time.Duration.String
    if (d == 0) return "0s";
    bool neg = d < 0;
    uint64_t u = neg ? static_cast<uint64_t>(-(d + 1)) + 1 : static_cast<uint64_t>(d);
    std::string out;
    auto frac = [](uint64_t v, int prec, std::string& s) -> uint64_t {
        bool print = false;
        std::string digits;
        for (int i = 0; i < prec; i++) {
            int digit = static_cast<int>(v % 10);
            print = print || digit != 0;
            if (print) digits.insert(digits.begin(), static_cast<char>('0' + digit));
            v /= 10;
        }
        if (print) s = "." + digits;
        return v;
    };
    if (u < 1000000000ull) {
        std::string unit;
        int prec;
        if (u < 1000) return (neg ? "-" : "") + std::to_string(u) + "ns";
        if (u < 1000000) { prec = 3; unit = "µs"; }
        else { prec = 6; unit = "ms"; }
        std::string f;
        uint64_t w = frac(u, prec, f);
        out = std::to_string(w) + f + unit;
    } else {
        std::string f;
        uint64_t w = frac(u, 9, f);
        uint64_t secs = w % 60;
        w /= 60;
        out = std::to_string(secs) + f + "s";
        if (w > 0) {
            uint64_t mins = w % 60;
            w /= 60;
            out = std::to_string(mins) + "m" + out;
            if (w > 0) out = std::to_string(w) + "h" + out;
        }
    }
    return (neg ? "-" : "") + out;
}

}  // namespace

std::string format_duration(int64_t d) { return duration_string(d); }

// The arguments of a fmt call, copied off the goroutine's stack: a String() method the
// formatting runs may grow (reallocate) that stack.
class StableArgs {
public:
    StableArgs(const Value* args, uint32_t n) {
        if (n > std::size(m_small)) {
            m_large.assign(args, args + n);
            m_data = m_large.data();
        } else {
            std::copy(args, args + n, m_small);
            m_data = m_small;
        }
    }
    const Value* data() const { return m_data; }

private:
    Value m_small[16];
    std::vector<Value> m_large;
    const Value* m_data = nullptr;
};

bool Machine::Impl::call_string_method(const Value iface, uint32_t method, std::string& out) {
    if (iface.c == 0) return false;
    const RMethod* m = find_method(iface.c, method);
    if (!m) return false;
    if (m->function == UINT32_MAX) {
        Value msg = iface.c == rt::runtime_error ? iface : heap[iface.p.a];
        msg.c = 0;
        out.append(str(msg));
        return true;
    }
    // Rendering a value for a trace reads the value only: running the program's String()
    // there would execute code on a goroutine of the execution being traced.
    if (render_only) return false;
    const Function& f = M.functions[m->function];
    if (f.result_slots != 1) return false;
    Goroutine& g = gs[current];
    Value recv = iface;
    recv.c = 0;
    uint32_t r = m->mode == RecvMode::Payload ? 1 : m->recv_slots;
    if (m->mode != RecvMode::Payload && recv.p.a == 0) {
        out += "<nil>";
        return true;
    }
    ensure_stack(g, r + 1);
    if (m->mode == RecvMode::Payload) g.stack[g.sp] = recv;
    else std::memcpy(&g.stack[g.sp], &heap[recv.p.a], sizeof(Value) * r);
    g.sp += r;
    uint32_t sp0 = g.sp - r;
    nested_panic.clear();
    if (!run_nested(current, Value::of_pair(m->function + 1, 0), r)) {
        if (M.types[iface.c].kind == RKind::Pointer && iface.p.a == 0 && !nested_panic.empty()) {
            out += "<nil>";  // fmt's catchPanic: a nil receiver that panics prints as <nil>
        } else {
            out += "%!v(PANIC=" + M.method_names[method] + " method";
            if (!nested_panic.empty()) out += ": " + nested_panic;
            out += ")";
        }
        gs[current].sp = sp0;
        return true;
    }
    Value s = g.stack[--g.sp];
    out.append(str(s));
    return true;
}

void Machine::Impl::format_iface(std::string& out, const Value& iface, char verb, bool plus, bool sharp, int depth) {
    if (iface.c == 0) {
        out += "<nil>";
        return;
    }
    const RType& t = M.types[iface.c];
    if (verb == 'v' || verb == 's' || verb == 'q') {
        if (!sharp && (call_string_method(iface, M.error_method, out) || call_string_method(iface, M.string_method, out)))
            return;
    }
    if (t.boxed_in_interface()) {
        format_value(out, &heap[iface.p.a], iface.c, verb, plus, sharp, depth);
    } else {
        Value v = iface;
        v.c = 0;
        format_value(out, &v, iface.c, verb, plus, sharp, depth);
    }
}

void Machine::Impl::format_value(std::string& out, const Value* v, uint32_t type, char verb, bool plus, bool sharp,
                                 int depth) {
    const RType& t = M.types[type];
    if (depth > 0 && t.kind != RKind::Interface && (verb == 'v' || verb == 's') && !t.methods.empty()) {
        Value iface = box(v, type);
        if (call_string_method(iface, M.error_method, out) || call_string_method(iface, M.string_method, out)) return;
    }
    if (t.special == RSpecial::Duration && (verb == 'v' || verb == 's')) {
        out += duration_string(v->i);
        return;
    }
    switch (t.kind) {
    case RKind::Bool: out += v->i ? "true" : "false"; return;
    case RKind::Int: case RKind::Int8: case RKind::Int16: case RKind::Int32: case RKind::Int64:
        if (verb == 'x' || verb == 'X') {
            if (v->i < 0) out += "-" + hex_of(static_cast<uint64_t>(-v->i), verb == 'X');
            else out += hex_of(static_cast<uint64_t>(v->i), verb == 'X');
        } else if (verb == 'c') {
            char buf[4];
            out.append(buf, utf8_encode(v->i, buf));
        } else if (verb == 'q') {
            char buf[4];
            std::string s(buf, utf8_encode(v->i, buf));
            out += "'" + s + "'";
        } else {
            out += std::to_string(v->i);
        }
        return;
    case RKind::Uint: case RKind::Uint8: case RKind::Uint16: case RKind::Uint32: case RKind::Uint64: case RKind::Uintptr:
        if (verb == 'x' || verb == 'X') out += hex_of(v->u, verb == 'X');
        else if (verb == 'c') {
            char buf[4];
            out.append(buf, utf8_encode(v->i, buf));
        } else out += std::to_string(v->u);
        return;
    case RKind::Float32:
    case RKind::Float64:
        out += format_float_g(v->f, -1, verb == 'v', t.kind == RKind::Float32);
        return;
    case RKind::Complex64:
    case RKind::Complex128:
        out += format_complex(v[0].f, v[1].f, 'g', -1, t.kind == RKind::Complex64, false, false);
        return;
    case RKind::String:
        if (verb == 'q' || (sharp && verb == 'v')) out += lang::go_quote(str(*v));
        else if (verb == 'x' || verb == 'X') {
            for (char c : str(*v)) {
                char b[4];
                std::snprintf(b, sizeof b, verb == 'x' ? "%02x" : "%02X", static_cast<unsigned char>(c));
                out += b;
            }
        } else out += str(*v);
        return;
    case RKind::Pointer:
        if (v->p.a == 0) {
            out += "<nil>";
            return;
        }
        if (depth == 0 && verb != 'p') {
            const RType& e = M.types[t.elem];
            if (e.kind == RKind::Struct || e.kind == RKind::Array || e.kind == RKind::Slice || e.kind == RKind::Map) {
                out += "&";
                format_value(out, &heap[v->p.a], t.elem, verb, plus, sharp, depth + 1);
                return;
            }
        }
        out += fake_address(v->p.a);
        return;
    case RKind::Struct: {
        if (t.special == RSpecial::Mutex || t.special == RSpecial::RWMutex) {
            out += t.special == RSpecial::Mutex ? "{0 0}" : "{{0 0} 0 0 {{} 0} {{} 0}}";
            return;
        }
        if (sharp) out += t.name;
        out += "{";
        for (size_t i = 0; i < t.fields.size(); i++) {
            if (i) out += sharp ? ", " : " ";
            if (plus || sharp) out += t.fields[i].name + ":";
            format_value(out, v + t.fields[i].offset, t.fields[i].type, verb, plus, sharp, depth + 1);
        }
        out += "}";
        return;
    }
    case RKind::Array:
    case RKind::Slice: {
        const Value* base;
        uint32_t n;
        uint32_t es = M.types[t.elem].slots;
        if (t.kind == RKind::Slice && (verb == 'x' || verb == 'X' || verb == 's' || verb == 'q') &&
            M.types[t.elem].kind == RKind::Uint8) {
            // %x %X %s %q format a []byte as the string of its bytes, as fmt does
            std::string bytes;
            for (uint32_t i = 0; i < v->p.b; i++) bytes.push_back(static_cast<char>(heap[v->p.a + i].i));
            Value sv = make_string(bytes);
            format_value(out, &sv, rt::string, verb, plus, sharp, depth);
            return;
        }
        if (t.kind == RKind::Array) {
            base = v;
            n = t.len;
        } else {
            if (sharp && v->p.a == 0 && v->c == 0) {
                out += t.name + "(nil)";
                return;
            }
            base = v->p.b ? &heap[v->p.a] : nullptr;
            n = v->p.b;
        }
        if (verb == 's' && M.types[t.elem].kind == RKind::Uint8) {
            for (uint32_t i = 0; i < n; i++) out.push_back(static_cast<char>(base[i].i));
            return;
        }
        if (sharp) out += t.name + "{";
        else out += "[";
        for (uint32_t i = 0; i < n; i++) {
            if (i) out += sharp ? ", " : " ";
            format_value(out, base + i * es, t.elem, verb, plus, sharp, depth + 1);
        }
        out += sharp ? "}" : "]";
        return;
    }
    case RKind::Map: {
        if (sharp && v->p.a == 0) {
            out += t.name + "(nil)";
            return;
        }
        out += sharp ? t.name + "{" : "map[";
        if (v->p.a != 0) {
            const MapObj& m = maps[heap[v->p.a].u];
            std::vector<std::pair<std::string, size_t>> entries;
            const RType& kt = M.types[t.key];
            std::vector<size_t> order;
            for (size_t i = 0; i < m.live.size(); i++)
                if (m.live[i]) order.push_back(i);
            std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
                const Value& x = m.keys[a * m.kslots];
                const Value& y = m.keys[b * m.kslots];
                if (kt.kind == RKind::String) return str(x) < str(y);
                if (kt.is_float()) return x.f < y.f;
                if (kt.is_unsigned()) return x.u < y.u;
                return x.i < y.i;
            });
            bool first = true;
            for (size_t i : order) {
                if (!first) out += sharp ? ", " : " ";
                first = false;
                format_value(out, &m.keys[i * m.kslots], t.key, verb, plus, sharp, depth + 1);
                out += ":";
                format_value(out, &m.vals[i * m.vslots], t.elem, verb, plus, sharp, depth + 1);
            }
        }
        out += sharp ? "}" : "]";
        return;
    }
    case RKind::Chan:
    case RKind::Func:
        if (v->p.a == 0) out += "<nil>";
        else out += fake_address(v->p.a);
        return;
    case RKind::Interface: format_iface(out, *v, verb, plus, sharp, depth + 1); return;
    default: out += "?"; return;
    }
}

void Machine::Impl::sprint(std::string& out, const Value* stack_args, uint32_t n, bool ln) {
    StableArgs stable(stack_args, n);
    const Value* args = stable.data();
    for (uint32_t i = 0; i < n; i++) {
        bool is_string = args[i].c != 0 && M.types[args[i].c].kind == RKind::String;
        if (i > 0) {
            bool prev_string = args[i - 1].c != 0 && M.types[args[i - 1].c].kind == RKind::String;
            if (ln || (!is_string && !prev_string)) out += ' ';
        }
        format_iface(out, args[i], 'v', false, false);
    }
    if (ln) out += '\n';
}

void Machine::Impl::sprintf(std::string& out, std::string_view f, const Value* stack_args, uint32_t n) {
    StableArgs stable(stack_args, n);
    const Value* args = stable.data();
    uint32_t argi = 0;
    for (size_t i = 0; i < f.size();) {
        char c = f[i];
        if (c != '%') {
            out += c;
            i++;
            continue;
        }
        i++;
        bool minus = false, plus = false, sharp = false, zero = false, space = false;
        for (; i < f.size(); i++) {
            char fl = f[i];
            if (fl == '-') minus = true;
            else if (fl == '+') plus = true;
            else if (fl == '#') sharp = true;
            else if (fl == '0') zero = true;
            else if (fl == ' ') space = true;
            else break;
        }
        int width = -1, prec = -1;
        if (i < f.size() && f[i] == '*') {
            if (argi < n) {
                int64_t w = args[argi++].i;
                // Go's intFromArg: a width beyond a million either way is no width.
                if (w > 1000000 || w < -1000000) out += "%!(BADWIDTH)";
                else width = static_cast<int>(w);
            }
            i++;
        } else {
            // Go's parsenum: a number past a million before its last digit is "crazy
            // long": the rest of the format is taken, and the verb is missing.
            while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                if (width > 1000000) {
                    i = f.size();
                    break;
                }
                width = (width < 0 ? 0 : width * 10) + (f[i++] - '0');
            }
        }
        if (i < f.size() && f[i] == '.') {
            i++;
            prec = 0;
            if (i < f.size() && f[i] == '*') {
                if (argi < n) {
                    int64_t p = args[argi++].i;
                    if (p > 1000000 || p < -1000000) out += "%!(BADPREC)";
                    else prec = static_cast<int>(p);
                }
                i++;
            } else {
                while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                    if (prec > 1000000) {
                        i = f.size();
                        break;
                    }
                    prec = prec * 10 + (f[i++] - '0');
                }
            }
        }
        if (i >= f.size()) {
            out += "%!(NOVERB)";
            break;
        }
        char verb = f[i++];
        if (verb == '%') {
            out += '%';
            continue;
        }
        if (argi >= n) {
            out += "%!";
            out += verb;
            out += "(MISSING)";
            continue;
        }
        const Value& a = args[argi++];
        std::string s;
        RKind k = a.c ? M.types[a.c].kind : RKind::Invalid;
        bool is_int = a.c && M.types[a.c].is_integer();
        bool is_float = a.c && M.types[a.c].is_float();
        auto bad = [&]() {
            s = "%!";
            s += verb;
            s += "(";
            if (a.c == 0) s += "<nil>";
            else {
                s += M.types[a.c].name + "=";
                format_iface(s, a, 'v', false, false);
            }
            s += ")";
        };
        switch (verb) {
        case 'v':
        case 'w': format_iface(s, a, 'v', plus, sharp); break;
        case 'T': s = a.c == rt::runtime_error ? runtime_error_type(str(a)) : a.c ? M.types[a.c].name : "<nil>"; break;
        case 'd':
            if (is_int) {
                if (M.types[a.c].is_unsigned()) s = std::to_string(a.u);
                else s = std::to_string(a.i);
                if (plus && a.i >= 0 && !M.types[a.c].is_unsigned()) s = "+" + s;
                else if (space && a.i >= 0) s = " " + s;
            } else if (a.c && (k == RKind::Slice || k == RKind::Array || k == RKind::Struct || k == RKind::Pointer || k == RKind::Map)) {
                format_iface(s, a, 'd', false, false);
            } else bad();
            break;
        case 's':
        case 'q':
            if (k == RKind::String || (a.c && (M.types[a.c].methods.size() || k == RKind::Slice || k == RKind::Struct || k == RKind::Pointer || k == RKind::Map || k == RKind::Array))) {
                format_iface(s, a, verb, false, false);
                if (prec >= 0 && k == RKind::String && static_cast<int>(s.size()) > prec) s.resize(prec);
            } else if (verb == 'q' && is_int) {
                format_iface(s, a, 'q', false, false);
            } else if (a.c == 0) {
                s = "%!" + std::string(1, verb) + "(<nil>)";
            } else bad();
            break;
        case 't':
            if (k == RKind::Bool) s = a.i ? "true" : "false";
            else bad();
            break;
        case 'c':
        case 'U':
            if (is_int) {
                if (verb == 'c') format_iface(s, a, 'c', false, false);
                else {
                    char b[32];
                    std::snprintf(b, sizeof b, "U+%04llX", static_cast<unsigned long long>(a.i));
                    s = b;
                }
            } else bad();
            break;
        case 'x':
        case 'X':
            if (is_int || k == RKind::String || k == RKind::Slice) {
                format_iface(s, a, verb, false, false);
                if (sharp && is_int) s = (verb == 'x' ? "0x" : "0X") + s;
            } else if (is_float) {
                char b[64];
                std::snprintf(b, sizeof b, verb == 'x' ? "%a" : "%A", a.f);
                s = b;
            } else bad();
            break;
        case 'o':
        case 'O':
        case 'b':
            if (is_int) {
                uint64_t u = a.i < 0 && !M.types[a.c].is_unsigned() ? static_cast<uint64_t>(-a.i) : a.u;
                std::string digits;
                int base = verb == 'b' ? 2 : 8;
                do { digits.insert(digits.begin(), static_cast<char>('0' + u % base)); u /= base; } while (u);
                // fmt's prefixes: %O always "0o"; with '#', %o a leading 0 and %b "0b".
                if (verb == 'O') digits.insert(0, "0o");
                else if (sharp && verb == 'o' && digits[0] != '0') digits.insert(0, "0");
                else if (sharp && verb == 'b') digits.insert(0, "0b");
                s = (a.i < 0 && !M.types[a.c].is_unsigned() ? "-" : "") + digits;
            } else bad();
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
            if (a.c && M.types[a.c].is_complex()) {
                const Value* cv = &heap[a.p.a];
                s = format_complex(cv[0].f, cv[1].f, verb, prec, M.types[a.c].kind == RKind::Complex64, plus, space);
            } else if (is_float) {
                char b[512];
                if ((verb == 'g' || verb == 'G') && prec < 0)
                    s = format_float_g(a.f, -1, false, M.types[a.c].kind == RKind::Float32);
                else {
                    char fmtbuf[16];
                    std::snprintf(fmtbuf, sizeof fmtbuf, "%%%s.%d%c", plus ? "+" : space ? " " : "", prec < 0 ? 6 : prec, verb == 'F' ? 'f' : verb);
                    std::snprintf(b, sizeof b, fmtbuf, a.f);
                    s = b;
                    if (std::isinf(a.f)) s = a.f > 0 ? (plus ? "+Inf" : "+Inf") : "-Inf";
                    if (std::isnan(a.f)) s = "NaN";
                }
            } else bad();
            break;
        case 'p':
            if (k == RKind::Pointer || k == RKind::Map || k == RKind::Chan || k == RKind::Func || k == RKind::Slice)
                s = fake_address(a.p.a);
            else bad();
            break;
        default:
            s = "%!";
            s += verb;
            s += "(";
            if (a.c) s += M.types[a.c].name + "=";
            format_iface(s, a, 'v', false, false);
            s += ")";
            break;
        }
        if (is_int && prec >= 0 && (verb == 'd' || verb == 'x')) {
            bool neg = !s.empty() && s[0] == '-';
            std::string digits = neg ? s.substr(1) : s;
            if (static_cast<int>(digits.size()) < prec) digits.insert(0, prec - digits.size(), '0');
            s = (neg ? "-" : "") + digits;
        }
        // width (count runes, as fmt does)
        int runes = 0;
        for (unsigned char ch : s)
            if ((ch & 0xC0) != 0x80) runes++;
        if (width > runes) {
            int pad = width - runes;
            if (minus) s.append(pad, ' ');
            else if (zero && (is_int || is_float) && verb != 's' && verb != 'v') {
                size_t at = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
                s.insert(at, pad, '0');
            } else if (zero && !minus && verb != 'v') s.insert(0, pad, '0');
            else s.insert(0, pad, ' ');
        }
        out += s;
    }
    if (argi < n) {
        out += "%!(EXTRA ";
        for (uint32_t j = argi; j < n; j++) {
            if (j > argi) out += ", ";
            out += args[j].c ? M.types[args[j].c].name : "<nil>";
            out += "=";
            format_iface(out, args[j], 'v', false, false);
        }
        out += ")";
    }
}

// The dynamic type Go's runtime gives a run-time panic's error, by its message: bounds
// errors, interface conversions, the "runtime error: ..." strings, and the plain errors
// of maps and channels (which have no "runtime error: " prefix).
std::string runtime_error_type(std::string_view msg) {
    if (msg.rfind("interface conversion:", 0) == 0) return "*runtime.TypeAssertionError";
    if (msg.rfind("runtime error: index out of range", 0) == 0 || msg.rfind("runtime error: slice bounds out of range", 0) == 0)
        return "runtime.boundsError";
    if (msg.rfind("runtime error: ", 0) == 0) return "runtime.errorString";
    return "runtime.plainError";
}

std::string Machine::Impl::panic_text(const Value& v) {
    std::string out;
    if (v.c == 0) return "nil";
    const RType& t = M.types[v.c];
    if (v.c == rt::runtime_error) {
        out.append(str(v));
        return out;
    }
    if (call_string_method(v, M.error_method, out)) return out;
    if (call_string_method(v, M.string_method, out)) {
        return out;
    }
    Value x = v;
    x.c = 0;
    switch (t.kind) {
    case RKind::String:
        out = std::string(str(x));
        if (t.named) out = t.name + "(" + lang::go_quote(out) + ")";
        return out;
    case RKind::Bool: case RKind::Int: case RKind::Int8: case RKind::Int16: case RKind::Int32: case RKind::Int64:
    case RKind::Uint: case RKind::Uint8: case RKind::Uint16: case RKind::Uint32: case RKind::Uint64: case RKind::Uintptr:
    case RKind::Float32: case RKind::Float64:
        if (t.is_float()) {
            char b[64];
            std::snprintf(b, sizeof b, "%e", x.f);
            out = b;
        } else format_value(out, &x, v.c, 'v', false, false);
        if (t.named) out = t.name + "(" + out + ")";
        return out;
    case RKind::Complex64: case RKind::Complex128: {
        // as print does: (+1.000000e+000+2.000000e+000i)
        const Value* cv = &heap[v.p.a];
        out = "(" + print_float(cv[0].f) + print_float(cv[1].f) + "i)";
        if (t.named) out = t.name + out;
        return out;
    }
    default:
        // Go prints other kinds as (type) and an address: not reproducible, so a fake one.
        return "(" + t.name + ") " + fake_address(t.boxed_in_interface() ? v.p.a : (v.p.a ? v.p.a : 1));
    }
}

}  // namespace lockstep::vm
