// Text functions beyond the first shims: more of strings and strconv, unicode/utf8, and
// sort's slice functions of basic types (the interpreter announces their one visible
// access to the slice: interpreter.cpp, bulk_access).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "lang/constant.hpp"
#include "vm/machine_state.hpp"
#include "vm/utf8.hpp"

namespace lockstep::vm {

namespace {

bool parse_uint_base(std::string_view s, int base, uint64_t& out, bool& range) {
    out = 0;
    range = false;
    if (s.empty()) return false;
    bool underscore_ok = base == 0;
    if (base == 0) {
        base = 10;
        if (s[0] == '0') {
            if (s.size() >= 3 && (s[1] == 'x' || s[1] == 'X')) base = 16, s.remove_prefix(2);
            else if (s.size() >= 3 && (s[1] == 'b' || s[1] == 'B')) base = 2, s.remove_prefix(2);
            else if (s.size() >= 3 && (s[1] == 'o' || s[1] == 'O')) base = 8, s.remove_prefix(2);
            else base = 8, s.remove_prefix(1), underscore_ok = true;
            if (s.empty()) return base == 8;
        }
    }
    for (char ch : s) {
        if (ch == '_' && underscore_ok) continue;
        int d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'Z') d = ch - 'A' + 10;
        else return false;
        if (d >= base) return false;
        if (out > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) range = true;
        else out = out * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    }
    return true;
}

std::string format_uint(uint64_t u, int base) {
    std::string s;
    do {
        s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[u % static_cast<uint64_t>(base)]);
        u /= static_cast<uint64_t>(base);
    } while (u);
    return s;
}

bool in_cutset(std::string_view cutset, int32_t r) {
    for (size_t i = 0; i < cutset.size();) {
        Utf8Rune c = utf8_decode(cutset, i);
        if (c.rune == r) return true;
        i += c.width;
    }
    return false;
}

int32_t fold_ascii(int32_t r) { return r >= 'A' && r <= 'Z' ? r + 32 : r; }

}  // namespace

bool Machine::Impl::native_text(Goroutine& g, NativeId id, uint32_t base) {
    Value* A = g.stack.data() + base;
    auto ret = [&](std::initializer_list<Value> results) {
        g.sp = base;
        ensure_stack(g, static_cast<uint32_t>(results.size()));
        for (const Value& v : results) g.stack[g.sp++] = v;
    };
    auto bytes_of = [&](Value s) {
        std::string out;
        for (uint32_t i = 0; i < s.p.b; i++) out.push_back(static_cast<char>(heap[s.p.a + i].i));
        return out;
    };
    auto sub = [&](Value s, size_t at, size_t len) {  // a substring shares s's bytes
        if (len == 0) return Value{};
        s.p.a += static_cast<uint32_t>(at);
        s.p.b = static_cast<uint32_t>(len);
        return s;
    };
    auto decode = [&](std::string_view s) -> std::pair<int64_t, int64_t> {
        if (s.empty()) return {0xFFFD, 0};
        Utf8Rune r = utf8_decode(s, 0);
        return {r.rune, r.width};
    };
    auto count_runes = [&](std::string_view s) {
        int64_t n = 0;
        for (size_t i = 0; i < s.size(); n++) i += utf8_decode(s, i).width;
        return n;
    };
    auto valid = [&](std::string_view s) {
        for (size_t i = 0; i < s.size();) {
            Utf8Rune r = utf8_decode(s, i);
            if (r.rune == 0xFFFD && r.width == 1 && s.substr(i, 3) != "\xEF\xBF\xBD") return false;
            i += r.width;
        }
        return true;
    };
    auto ints = [&](Value s) { return s.p.b ? &heap[s.p.a] : nullptr; };
    switch (id) {
    case NativeId::StringsCount: {
        std::string_view s = str(A[0]), t = str(A[1]);
        int64_t n = 0;
        if (t.empty()) n = count_runes(s) + 1;
        else
            for (size_t at = s.find(t); at != std::string_view::npos; at = s.find(t, at + t.size())) n++;
        ret({Value::of_int(n)});
        return true;
    }
    case NativeId::StringsContainsRune:
    case NativeId::StringsIndexRune: {
        std::string_view s = str(A[0]);
        int64_t at = -1;
        for (size_t i = 0; i < s.size();) {
            Utf8Rune r = utf8_decode(s, i);
            // an invalid byte decodes as U+FFFD: IndexRune(s, RuneError) finds it
            if (r.rune == A[1].i) { at = static_cast<int64_t>(i); break; }
            i += r.width;
        }
        if (id == NativeId::StringsContainsRune) ret({Value::of_bool(at >= 0)});
        else ret({Value::of_int(at)});
        return true;
    }
    case NativeId::StringsReplace: {
        std::string s(str(A[0])), from(str(A[1])), to(str(A[2]));
        int64_t limit = A[3].i;
        std::string out;
        size_t i = 0;
        for (int64_t done = 0; limit < 0 || done < limit; done++) {
            size_t at;
            if (from.empty()) {
                // an empty old string matches at the start and after each rune
                if (done == 0) at = 0;
                else if (i >= s.size()) break;
                else {
                    size_t w = utf8_decode(s, i).width;
                    out.append(s, i, w);
                    i += w;
                    at = i;
                }
            } else {
                at = s.find(from, i);
                if (at == std::string::npos) break;
                out.append(s, i, at - i);
            }
            out += to;
            i = at + from.size();
        }
        if (i < s.size()) out.append(s, i);
        ret({make_string(out)});
        return true;
    }
    case NativeId::StringsTrimPrefix:
    case NativeId::StringsTrimSuffix: {
        std::string_view s = str(A[0]), t = str(A[1]);
        Value v = A[0];
        if (id == NativeId::StringsTrimPrefix && s.substr(0, t.size()) == t) v = sub(A[0], t.size(), s.size() - t.size());
        if (id == NativeId::StringsTrimSuffix && s.size() >= t.size() && s.substr(s.size() - t.size()) == t)
            v = sub(A[0], 0, s.size() - t.size());
        ret({v});
        return true;
    }
    case NativeId::StringsCompare: {
        int c = str(A[0]).compare(str(A[1]));
        ret({Value::of_int(c < 0 ? -1 : c > 0 ? 1 : 0)});
        return true;
    }
    case NativeId::StringsContainsAny: {
        std::string_view s = str(A[0]), chars = str(A[1]);
        bool found = false;
        for (size_t i = 0; i < s.size() && !found;) {
            Utf8Rune r = utf8_decode(s, i);
            found = in_cutset(chars, r.rune);
            i += r.width;
        }
        ret({Value::of_bool(found)});
        return true;
    }
    case NativeId::StringsEqualFold: {
        // ASCII case folding, and equal runes otherwise (Unicode's simple folding beyond
        // ASCII is not modelled)
        std::string_view s = str(A[0]), t = str(A[1]);
        size_t i = 0, j = 0;
        bool eq = true;
        while (eq && i < s.size() && j < t.size()) {
            Utf8Rune a = utf8_decode(s, i), b = utf8_decode(t, j);
            eq = fold_ascii(a.rune) == fold_ascii(b.rune);
            i += a.width;
            j += b.width;
        }
        ret({Value::of_bool(eq && i == s.size() && j == t.size())});
        return true;
    }
    case NativeId::StringsIndexByte: {
        size_t at = str(A[0]).find(static_cast<char>(A[1].i));
        ret({Value::of_int(at == std::string_view::npos ? -1 : static_cast<int64_t>(at))});
        return true;
    }
    case NativeId::StringsLastIndex: {
        size_t at = str(A[0]).rfind(str(A[1]));
        ret({Value::of_int(at == std::string_view::npos ? -1 : static_cast<int64_t>(at))});
        return true;
    }
    case NativeId::StringsSplitN: {
        std::string_view s = str(A[0]), sep = str(A[1]);
        int64_t limit = A[2].i;
        std::vector<std::pair<size_t, size_t>> parts;
        if (limit != 0) {
            if (sep.empty()) {
                for (size_t i = 0; i < s.size();) {
                    size_t w = utf8_decode(s, i).width;
                    if (limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1) w = s.size() - i;
                    parts.push_back({i, w});
                    i += w;
                }
            } else {
                size_t i = 0;
                for (;;) {
                    size_t at = s.find(sep, i);
                    if (at == std::string_view::npos || (limit > 0 && static_cast<int64_t>(parts.size()) == limit - 1)) {
                        parts.push_back({i, s.size() - i});
                        break;
                    }
                    parts.push_back({i, at - i});
                    i = at + sep.size();
                }
            }
        }
        if (limit == 0) {
            ret({Value{}});
            return true;
        }
        Cell c = alloc(static_cast<uint32_t>(parts.size()));
        if (c == 0 && !parts.empty()) return true;
        for (size_t i = 0; i < parts.size(); i++) heap[c + i] = sub(A[0], parts[i].first, parts[i].second);
        uint32_t cnt = static_cast<uint32_t>(parts.size());
        ret({Value::of_pair(c, cnt, cnt)});
        return true;
    }
    case NativeId::StringsTrim:
    case NativeId::StringsTrimLeft:
    case NativeId::StringsTrimRight: {
        std::string_view s = str(A[0]), cut = str(A[1]);
        size_t b = 0, e = s.size();
        if (id != NativeId::StringsTrimRight)
            while (b < e) {
                Utf8Rune r = utf8_decode(s, b);
                if (!in_cutset(cut, r.rune)) break;
                b += r.width;
            }
        if (id != NativeId::StringsTrimLeft)
            while (e > b) {
                size_t st = e - 1;
                while (st > b && (static_cast<uint8_t>(s[st]) & 0xC0) == 0x80 && e - st < 4) st--;
                Utf8Rune r = utf8_decode(s, st);
                if (st + r.width != e) r = {0xFFFD, 1}, st = e - 1;
                if (!in_cutset(cut, r.rune)) break;
                e = st;
            }
        ret({sub(A[0], b, e - b)});
        return true;
    }
    case NativeId::StringsCut: {
        std::string_view s = str(A[0]), sep = str(A[1]);
        size_t at = s.find(sep);
        if (at == std::string_view::npos) ret({A[0], Value{}, Value::of_bool(false)});
        else ret({sub(A[0], 0, at), sub(A[0], at + sep.size(), s.size() - at - sep.size()), Value::of_bool(true)});
        return true;
    }
    case NativeId::StrconvFormatBool: ret({make_string(A[0].i ? "true" : "false")}); return true;
    case NativeId::StrconvParseBool: {
        std::string_view s = str(A[0]);
        if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True") ret({Value::of_bool(true), Value{}});
        else if (s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" || s == "False")
            ret({Value::of_bool(false), Value{}});
        else ret({Value::of_bool(false), make_error("strconv.ParseBool: parsing " + lang::go_quote(s) + ": invalid syntax")});
        return true;
    }
    case NativeId::StrconvParseInt: {
        std::string_view s0 = str(A[0]), s = s0;
        int64_t b = A[1].i, bits = A[2].i == 0 ? 64 : A[2].i;
        auto fail = [&](std::string why, int64_t v) {
            ret({Value::of_int(v), make_error("strconv.ParseInt: parsing " + lang::go_quote(s0) + ": " + why)});
        };
        if (b != 0 && (b < 2 || b > 36)) {
            fail("invalid base " + std::to_string(b), 0);
            return true;
        }
        if (bits < 0 || bits > 64) {
            fail("invalid bit size " + std::to_string(bits), 0);
            return true;
        }
        bool neg = false;
        if (!s.empty() && (s[0] == '+' || s[0] == '-')) neg = s[0] == '-', s.remove_prefix(1);
        uint64_t u;
        bool range;
        if (!parse_uint_base(s, static_cast<int>(b), u, range)) {
            fail("invalid syntax", 0);
            return true;
        }
        uint64_t cutoff = uint64_t{1} << (bits - 1);
        if (range || (!neg && u >= cutoff) || (neg && u > cutoff)) {
            fail("value out of range", neg ? -static_cast<int64_t>(cutoff - 1) - 1 : static_cast<int64_t>(cutoff - 1));
            return true;
        }
        ret({Value::of_int(neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u)), Value{}});
        return true;
    }
    case NativeId::StrconvFormatUint: ret({make_string(format_uint(A[0].u, static_cast<int>(A[1].i)))}); return true;
    case NativeId::StrconvQuoteRune: {
        char buf[4];
        std::string q = lang::go_quote(std::string_view(buf, utf8_encode(A[0].i, buf)));
        std::string inner = q.substr(1, q.size() - 2);
        if (inner == "\\\"") inner = "\"";
        else if (inner == "'") inner = "\\'";
        ret({make_string("'" + inner + "'")});
        return true;
    }
    case NativeId::Utf8RuneLen: {
        int64_t r = A[0].i;
        int64_t len = r < 0 ? -1 : r < 0x80 ? 1 : r < 0x800 ? 2 : (r >= 0xD800 && r <= 0xDFFF) ? -1 : r < 0x10000 ? 3 : r <= 0x10FFFF ? 4 : -1;
        ret({Value::of_int(len)});
        return true;
    }
    case NativeId::Utf8RuneCount: ret({Value::of_int(count_runes(bytes_of(A[0])))}); return true;
    case NativeId::Utf8RuneCountInString: ret({Value::of_int(count_runes(str(A[0])))}); return true;
    case NativeId::Utf8DecodeRune:
    case NativeId::Utf8DecodeRuneInString: {
        std::string bytes = id == NativeId::Utf8DecodeRune ? bytes_of(A[0]) : std::string(str(A[0]));
        auto [r, w] = decode(bytes);
        ret({Value::of_int(r), Value::of_int(w)});
        return true;
    }
    case NativeId::Utf8DecodeLastRuneInString: {
        std::string_view s = str(A[0]);
        if (s.empty()) {
            ret({Value::of_int(0xFFFD), Value::of_int(0)});
            return true;
        }
        size_t e = s.size(), st = e - 1;
        while (st > 0 && (static_cast<uint8_t>(s[st]) & 0xC0) == 0x80 && e - st < 4) st--;
        Utf8Rune r = utf8_decode(s, st);
        if (st + r.width != e) r = {0xFFFD, 1};
        ret({Value::of_int(r.rune), Value::of_int(r.width)});
        return true;
    }
    case NativeId::Utf8EncodeRune: {
        char buf[4];
        size_t w = utf8_encode(A[1].i, buf);
        if (A[0].p.b < w) {
            runtime_panic(g, "runtime error: index out of range [" + std::to_string(A[0].p.b) + "] with length " +
                                 std::to_string(A[0].p.b));
            return true;
        }
        for (size_t i = 0; i < w; i++) heap[A[0].p.a + i] = Value::of_int(static_cast<uint8_t>(buf[i]));
        ret({Value::of_int(static_cast<int64_t>(w))});
        return true;
    }
    case NativeId::Utf8ValidString: ret({Value::of_bool(valid(str(A[0])))}); return true;
    case NativeId::Utf8Valid: ret({Value::of_bool(valid(bytes_of(A[0])))}); return true;
    case NativeId::Utf8ValidRune: {
        int64_t r = A[0].i;
        ret({Value::of_bool(r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF))});
        return true;
    }
    case NativeId::Utf8FullRuneInString: {
        std::string_view s = str(A[0]);
        bool full = true;
        if (s.empty()) full = false;
        else {
            uint8_t c = static_cast<uint8_t>(s[0]);
            size_t need = c < 0xC2 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 1;
            if (s.size() < need) {
                // a prefix of a valid encoding is not full; an invalid one is (width 1)
                full = false;
                for (size_t k = 1; k < s.size(); k++)
                    if ((static_cast<uint8_t>(s[k]) & 0xC0) != 0x80) full = true;
            }
        }
        ret({Value::of_bool(full)});
        return true;
    }
    case NativeId::SortInts: {
        Value* p = ints(A[0]);
        if (p) std::stable_sort(p, p + A[0].p.b, [](const Value& a, const Value& b) { return a.i < b.i; });
        g.sp = base;
        return true;
    }
    case NativeId::SortFloat64s: {
        Value* p = ints(A[0]);
        auto less = [](const Value& a, const Value& b) { return a.f < b.f || (std::isnan(a.f) && !std::isnan(b.f)); };
        if (p) std::stable_sort(p, p + A[0].p.b, less);
        g.sp = base;
        return true;
    }
    case NativeId::SortStrings: {
        Value* p = ints(A[0]);
        if (p) std::stable_sort(p, p + A[0].p.b, [&](const Value& a, const Value& b) { return str(a) < str(b); });
        g.sp = base;
        return true;
    }
    case NativeId::SortIntsAreSorted:
    case NativeId::SortStringsAreSorted: {
        const Value* p = ints(A[0]);
        bool sorted = true;
        for (uint32_t i = 1; p && i < A[0].p.b && sorted; i++)
            sorted = id == NativeId::SortIntsAreSorted ? !(p[i].i < p[i - 1].i) : !(str(p[i]) < str(p[i - 1]));
        ret({Value::of_bool(sorted)});
        return true;
    }
    case NativeId::SortSearchInts:
    case NativeId::SortSearchStrings: {
        const Value* p = ints(A[0]);
        uint32_t lo = 0, hi = A[0].p.b;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            bool ge = id == NativeId::SortSearchInts ? p[mid].i >= A[1].i : str(p[mid]) >= str(A[1]);
            if (ge) hi = mid;
            else lo = mid + 1;
        }
        ret({Value::of_int(lo)});
        return true;
    }
    default: return false;
    }
}

}  // namespace lockstep::vm
