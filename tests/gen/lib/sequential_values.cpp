#include "sequential_values.hpp"

#include <vector>

namespace lockstep::gen {

namespace {

const IntType k_int_types[] = {
    {"int", 64, true},     {"int8", 8, true},    {"int16", 16, true},  {"int32", 32, true},
    {"int64", 64, true},   {"uint", 64, false},  {"uint8", 8, false},  {"uint16", 16, false},
    {"uint32", 32, false}, {"uint64", 64, false}, {"uintptr", 64, false}, {"rune", 32, true},
    {"byte", 8, false},
};

std::string flags(Rng& rng) {
    std::string f;
    for (const char* c : {"+", "-", "#", " ", "0"})
        if (rng.percent(15)) f += c;
    return f;
}

std::string width_prec(Rng& rng, bool prec) {
    std::string w;
    if (rng.percent(35)) w += std::to_string(rng.between(1, 12));
    if (prec && rng.percent(35)) w += "." + std::to_string(rng.between(0, 6));
    return w;
}

}  // namespace

const IntType& random_int_type(Rng& rng) {
    return k_int_types[rng.below(sizeof k_int_types / sizeof k_int_types[0])];
}

std::string int_literal(Rng& rng, const IntType& t) {
    unsigned long long max = t.bits == 64 ? (t.is_signed ? 9223372036854775807ull : 18446744073709551615ull)
                                          : (t.is_signed ? (1ull << (t.bits - 1)) - 1 : (1ull << t.bits) - 1);
    switch (rng.below(8)) {
    case 0: return std::to_string(max);
    case 1: return t.is_signed ? "-" + std::to_string(max) + " - 1" : "0";
    case 2: return t.is_signed ? "-1" : "1";
    case 3: return std::to_string(max / 2 + 3);
    default: {
        long long v = rng.between(1, 120);
        if (t.is_signed && rng.below(2)) return std::to_string(-v);
        return std::to_string(v);
    }
    }
}

std::string float_literal(Rng& rng, bool is32) {
    static const std::vector<std::string> lits = {"0.1", "0.2", "1.5", "-2.25", "3", "1e10", "-1e-7", "123456.789",
                                                  "0.3", "2.5", "1e300", "-0.5", "7", "1.0 / 3"};
    std::string lit = rng.pick(lits);
    return is32 && lit == "1e300" ? "3e38" : lit;
}

std::string int_expr(Rng& rng, int depth) {
    static const std::vector<std::string> leaves = {"a", "b", "c"};
    if (depth <= 0 || rng.percent(30)) return rng.pick(leaves);
    std::string l = int_expr(rng, depth - 1), r = int_expr(rng, depth - 1);
    switch (rng.below(12)) {
    case 0: return "(" + l + " + " + r + ")";
    case 1: return "(" + l + " - " + r + ")";
    case 2: return "(" + l + " * " + r + ")";
    case 3: return "(" + l + " / " + (rng.below(2) ? "b" : "c") + ")";
    case 4: return "(" + l + " % " + (rng.below(2) ? "b" : "c") + ")";
    case 5: return "(" + l + " & " + r + ")";
    case 6: return "(" + l + " | " + r + ")";
    case 7: return "(" + l + " ^ " + r + ")";
    case 8: return "(" + l + " &^ " + r + ")";
    case 9: return "(" + l + " << (uint(" + r + ") % 70))";
    case 10: return "(" + l + " >> (uint(" + r + ") % 70))";
    default: return "(^" + l + ")";
    }
}

std::string float_expr(Rng& rng, int depth) {
    static const std::vector<std::string> leaves = {"a", "b", "c"};
    if (depth <= 0 || rng.percent(30)) return rng.pick(leaves);
    std::string l = float_expr(rng, depth - 1), r = float_expr(rng, depth - 1);
    switch (rng.below(5)) {
    case 0: return "(" + l + " + " + r + ")";
    case 1: return "(" + l + " - " + r + ")";
    case 2: return "(" + l + " * " + r + ")";
    case 3: return "(" + l + " / " + r + ")";
    default: return "(-" + l + ")";
    }
}

std::string const_expr(Rng& rng, int depth) {
    static const std::vector<std::string> leaves = {"1", "2", "7", "10", "0.1", "0.2", "0.5", "1.5", "'a'", "'x'",
                                                    "3", "1e3", "100", "0.3"};
    if (depth <= 0 || rng.percent(25)) return rng.pick(leaves);
    std::string l = const_expr(rng, depth - 1), r = const_expr(rng, depth - 1);
    switch (rng.below(5)) {
    case 0: return "(" + l + " + " + r + ")";
    case 1: return "(" + l + " - " + r + ")";
    case 2: return "(" + l + " * " + r + ")";
    case 3: return "(" + l + " / " + rng.pick(std::vector<std::string>{"2", "3", "4.0", "10", "0.5"}) + ")";
    default: return "(-" + l + ")";
    }
}

std::string int_verb(Rng& rng) {
    static const std::vector<std::string> verbs = {"d", "v", "x", "X", "o", "O", "b", "c", "q", "U", "5d", "08b"};
    return "%" + flags(rng) + width_prec(rng, rng.percent(20)) + rng.pick(verbs);
}

std::string float_verb(Rng& rng) {
    static const std::vector<std::string> verbs = {"v", "g", "G", "e", "E", "f", "F", "x", "X"};
    return "%" + flags(rng) + width_prec(rng, true) + rng.pick(verbs);
}

FmtValue random_value(Rng& rng) {
    static const std::vector<std::string> values = {
        "true", "false", "int8(-5)", "uint16(65535)", "int64(-1) << 40", "uint64(1) << 63", "3.25", "float32(0.1)",
        "float32(16777217)", "1e21", "\"hi\"", "\"h\\u00e9llo\\n\"", "\"\"", "[]byte(\"go\")", "[]int{1, -2, 3}",
        "[]string{\"a\", \"b c\"}", "[2]bool{true}", "map[string]int{\"b\": 2, \"a\": 1}", "map[int]string{}",
        "Point{1, -2}", "Pair{\"p\", []int{4}, 5}", "Name(\"nm\")", "Celsius(36.6)", "Color(1)", "Color(7)",
        "error(&MyErr{3})", "errors.New(\"plain\")", "fmt.Errorf(\"wrap: %w\", &MyErr{4})", "'x'", "rune(0x1F600)",
        "byte('A')", "[]interface{}{1, \"s\", nil, 2.5}", "interface{}(nil)", "[]int(nil)", "map[string]bool(nil)",
        "struct{ A int; B string }{7, \"s\"}", "[]Point{{1, 2}, {3, 4}}", "uintptr(42)", "Rect{2, 3}",
        "Shape(Rect{1, 1})", "-0.0", "uint8(200)", "int32(-2147483648)", "[3]Name{\"x\", \"y\"}", "[]Color{0, 2}",
        "map[Point]string{{1, 2}: \"p\"}", "Temp{-3}", "&Temp{4}"};
    static const std::vector<std::string> pointers = {"&Point{5, 6}", "&[]int{1}", "&[2]string{\"a\", \"b\"}",
                                                      "&map[string]int{\"k\": 1}", "&Pair{\"q\", nil, 1}"};
    if (rng.percent(12)) return {rng.pick(pointers), true};
    return {rng.pick(values), false};
}

std::string any_verb(Rng& rng, bool pointer) {
    static const std::vector<std::string> verbs = {"v", "+v", "#v", "T", "d", "s", "q", "x", "X", "o", "b", "c",
                                                   "U", "e", "f", "g", "t", "5v", "-8v", "08d", ".2f", "10.3s", "x"};
    static const std::vector<std::string> pverbs = {"v", "+v", "#v", "s", "T"};
    if (pointer) return "%" + rng.pick(pverbs);
    std::string v = rng.pick(verbs);
    return "%" + (v.size() == 1 || v == "+v" || v == "#v" ? flags(rng) : std::string()) + v;
}

std::string go_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

}  // namespace lockstep::gen
