// Rendering a generated concurrent program as Go source: the kept statements, the
// declarations of exactly the objects they use, and exactly the imports the text needs.
#include <algorithm>
#include <sstream>

#include "concurrent_program.hpp"

namespace lockstep::gen {

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// Go source with one tab per open brace (case labels one less): readable findings.
std::string indent(const std::string& text) {
    std::istringstream in(text);
    std::string line, out;
    int depth = 0;
    while (std::getline(in, line)) {
        size_t b = line.find_first_not_of(" \t");
        line = b == std::string::npos ? "" : line.substr(b);
        int opens = static_cast<int>(std::count(line.begin(), line.end(), '{'));
        int closes = static_cast<int>(std::count(line.begin(), line.end(), '}'));
        int d = depth;
        if (!line.empty() && line[0] == '}') d--;
        if (line.rfind("case ", 0) == 0 || line == "default:") d--;
        if (!line.empty()) out += std::string(static_cast<size_t>(std::max(d, 0)), '\t') + line;
        out += "\n";
        depth += opens - closes;
    }
    return out;
}

struct Decl {
    uint32_t obj;
    const char* text;
};

}  // namespace

size_t ConcurrentProgram::unit_count() const {
    size_t n = goroutines.size();
    for (const auto& g : goroutines) n += g.body.size();
    return n + main_ops.size() + tail_ops.size();
}

std::set<Feature> ConcurrentProgram::features() const {
    std::set<Feature> out;
    auto add = [&](const std::vector<Stmt>& ops) {
        for (const auto& s : ops) {
            out.insert(s.feature);
            // The modifiers that shape an operation without being one of their own.
            if (s.feature == Feature::Select && s.text.find("chu") != std::string::npos)
                out.insert(Feature::SelectUnbuffered);
            if (s.feature == Feature::Once && s.text.find("{tag}") != std::string::npos)
                out.insert(Feature::NestedLiteralCapture);
        }
    };
    for (const auto& g : goroutines) {
        add(g.body);
        if (g.start == Start::Loop) out.insert(Feature::GoLoop);
        if (g.loop_var_captured) out.insert(Feature::LoopVarCapture);
        if (g.start == Start::Nested) out.insert(Feature::GoNested);
        if (g.recover) out.insert(Feature::Recover);
    }
    add(main_ops);
    add(tail_ops);
    out.insert(join == Join::WaitGroup     ? Feature::JoinWaitGroup
               : join == Join::DoneChannel ? Feature::JoinDone
               : join == Join::None        ? Feature::JoinNone
                                           : Feature::JoinSleep);
    return out;
}

std::string ConcurrentProgram::render(const std::vector<bool>& keep) const {
    size_t unit = 0;
    std::vector<bool> g_kept;
    for (size_t i = 0; i < goroutines.size(); ++i) g_kept.push_back(keep[unit++]);
    uint32_t objs = 0;
    std::string body;
    auto stmts = [&](const std::vector<Stmt>& ops, size_t from, size_t to, const std::string& tag,
                     const std::string& id, size_t first_unit) {
        std::string out;
        for (size_t i = from; i < to; ++i) {
            if (!keep[first_unit + i]) continue;
            objs |= ops[i].objs;
            out += replace_all(replace_all(ops[i].text, "{tag}", tag), "{id}", id) + "\n";
        }
        return out;
    };
    bool wg = join == Join::WaitGroup;
    auto prologue = [&](const Goroutine& g, bool outer) {
        std::string out;
        if (wg) out += "defer wg.Done()\n";
        if (join == Join::DoneChannel) out += "defer func() { done <- true }()\n";
        if (outer && g.recover)
            out += "defer func() {\nif r := recover(); r != nil {\nfmt.Println(\"recovered\", r)\n}\n}()\n";
        return out;
    };
    int joined = 0;
    for (size_t k = 0; k < goroutines.size(); ++k) {
        const Goroutine& g = goroutines[k];
        size_t first = unit;
        unit += g.body.size();
        if (!g_kept[k]) continue;
        std::string name = std::to_string(k + 1);
        std::string add = wg ? "wg.Add(1)\n" : "";
        if (g.start == Start::Plain) {
            body += add + "go func() {\n" + prologue(g, true) +
                    stmts(g.body, 0, g.body.size(), "\"g" + name + "\"", name, first) + "}()\n";
            joined += 1;
        } else if (g.start == Start::Loop) {
            std::string tag = "\"L" + name + "\", id";
            std::string inner = stmts(g.body, 0, g.body.size(), tag, "id", first);
            body += "for i := 0; i < " + std::to_string(g.loop_count) + "; i++ {\n" + add;
            if (g.loop_var_captured)
                body += "go func() {\nid := i\n_ = id\n" + prologue(g, true) + inner + "}()\n}\n";
            else
                body += "go func(id int) {\n" + prologue(g, true) + inner + "}(i)\n}\n";
            joined += g.loop_count;
        } else {
            size_t half = (g.body.size() + 1) / 2;
            std::string inner = stmts(g.body, half, g.body.size(), "\"N" + name + "b\"", name + "1", first);
            std::string outer = stmts(g.body, 0, half, "\"N" + name + "a\"", name + "0", first);
            body += add + "go func() {\n" + prologue(g, true) + add + "go func() {\n" + prologue(g, false) + inner +
                    "}()\n" + outer + "}()\n";
            joined += 2;
        }
    }
    size_t main_first = unit;
    unit += main_ops.size();
    body += stmts(main_ops, 0, main_ops.size(), "\"main\"", "0", main_first);
    switch (join) {
    case Join::WaitGroup: body += "wg.Wait()\n"; break;
    case Join::DoneChannel:
        if (joined) {
            body += "for i := 0; i < " + std::to_string(joined) + "; i++ {\n<-done\n}\n";
            objs |= kDone;
        }
        break;
    case Join::Sleep: body += "time.Sleep(10 * time.Millisecond)\n"; break;
    case Join::None: break;
    }
    if (wg) objs |= kWg;
    size_t tail_first = unit;
    body += stmts(tail_ops, 0, tail_ops.size(), "\"main\"", "0", tail_first);
    if (objs & kCondR) objs |= kRw;

    const Decl decls[] = {
        {kX, "x := 0\n_ = x\n"},
        {kY, "y := 0\n_ = y\n"},
        {kMu, "var mu sync.Mutex\n"},
        {kRw, "var rw sync.RWMutex\n"},
        {kWg, "var wg sync.WaitGroup\n"},
        {kOnce, "var once sync.Once\n"},
        {kCond, "var cmu sync.Mutex\nready := false\n_ = ready\nc := sync.NewCond(&cmu)\n"},
        {kCondR, "rready := false\n_ = rready\ncr := sync.NewCond(rw.RLocker())\n"},
        {kPool, "pool := &sync.Pool{New: func() any { return -1 }}\n"},
        {kMap, "var m sync.Map\n"},
        {kN, "var n int32\n"},
        {kFlag, "var flag int32\n"},
        {kAv, "var av atomic.Value\n"},
        {kAi, "var ai atomic.Int64\n"},
        {kChU, "chu := make(chan int)\n"},
        {kChN, "var chn chan int\n"},
        {kChC, "chc := make(chan int, 1)\nchc <- 7\nclose(chc)\n"},
        {kStop, "stop := make(chan struct{})\n"},
        {kDone, "done := make(chan bool)\n"},
        {kMm, "mm := map[int]int{}\n_ = mm\n"},
    };
    std::string head;
    for (const auto& d : decls)
        if (objs & d.obj) head += d.text;
    if (objs & kChB) head += "chb := make(chan int, " + std::to_string(chb_cap) + ")\n";
    std::string fn = "func main() {\n" + head + body + "}\n";
    std::string imports;
    for (const char* pkg : {"fmt", "runtime", "sync", "sync/atomic", "time"}) {
        std::string p = pkg;
        std::string use = (p == "sync/atomic" ? "atomic" : p) + ".";
        bool used = false;
        for (size_t at = fn.find(use); at != std::string::npos && !used; at = fn.find(use, at + 1))
            used = at == 0 || !(std::isalnum(static_cast<unsigned char>(fn[at - 1])) || fn[at - 1] == '/');
        if (used) imports += "\t\"" + p + "\"\n";
    }
    std::string out = "// generated by tests/gen (concurrent), seed " + std::to_string(seed) + "\npackage main\n\n";
    if (!imports.empty()) out += "import (\n" + imports + ")\n\n";
    return out + indent(fn);
}

}  // namespace lockstep::gen
