// Scenario discovery and loading through std::filesystem.
//
// The rule for a directory, as the go tool sees it: its own .go files (with the _test.go
// ones) that would build together - one package clause (P, or P for tests too), no
// top-level name declared twice - are one package, checked as one scenario. A directory
// whose files would not build together (each its own `func main`: go build's "main
// redeclared") is a folder of programs, each file checked on its own; so is a directory
// without .go files of its own, whose subdirectories are looked at by the same rule.
// DIR/... (and ./...) walks DIR and every subdirectory, each by that rule, skipping
// testdata, vendor and names starting with . or _ as the go tool does.
#include "cli/driver/loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "cli/driver/go_version.hpp"
#include "lang/diagnostic.hpp"
#include "lang/parser.hpp"
#include "lang/std_sources.hpp"

namespace lockstep::cli {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const std::string& message) {
    throw lang::DiagnosticError(lang::Diagnostic{nullptr, {}, message});
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string read_text(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) fail(path + ": is a directory, not a .go file");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path + ": cannot open file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) fail(path + ": read error");
    return text.str();
}

std::string receiver_name(const lang::FuncDecl& fn) {
    const lang::Expr* t = fn.recv->type;
    for (;;) {
        if (const auto* p = t->as<lang::ParenExpr>()) t = p->x;
        else if (const auto* st = t->as<lang::StarExpr>()) t = st->x;
        else break;
    }
    const auto* id = t->as<lang::Ident>();
    return id ? id->name : "?";
}

// Why the files of a directory do not build as one package; empty when they do, and then
// `package` is its name.
std::string not_one_package(const std::vector<std::string>& files, std::string& package) {
    std::set<std::string> names;
    for (const auto& path : files) {
        std::unique_ptr<lang::SourceFile> source;
        std::unique_ptr<lang::File> file;
        try {
            source = std::make_unique<lang::SourceFile>(path, read_text(path));
            file = lang::parse_file(*source);
        } catch (const lang::DiagnosticError&) {
            continue;  // the package's check reports the syntax error, once
        }
        std::string p = file->package_name ? file->package_name->name : "";
        if (ends_with(path, "_test.go") && ends_with(p, "_test")) p.resize(p.size() - 5);
        if (package.empty()) package = p;
        if (p != package) return "packages " + package + " and " + p;
        auto add = [&](const std::string& name) {
            if (name == "_" || name == "init") return true;
            return names.insert(name).second;
        };
        for (const lang::Decl* d : file->decls) {
            std::string clash;
            if (const auto* fn = d->as<lang::FuncDecl>()) {
                if (!fn->name) continue;
                std::string name = fn->name->name;
                if (fn->recv) name = "method " + receiver_name(*fn) + "." + name;
                if (!add(name)) clash = name;
            } else if (const auto* gd = d->as<lang::GenDecl>()) {
                for (const auto& ts : gd->types)
                    if (!add(ts.name->name)) clash = ts.name->name;
                for (const auto& vs : gd->values)
                    for (const auto* id : vs.names)
                        if (!add(id->name)) clash = id->name;
            }
            if (!clash.empty()) return clash + " redeclared";
        }
    }
    return "";
}

// The .go files directly in `dir`, sorted by name.
std::vector<std::string> go_files_in(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".go") found.push_back(it->path().string());
    std::sort(found.begin(), found.end());
    return found;
}

bool skipped_dir(const fs::path& p) {
    std::string name = p.filename().string();
    return name == "testdata" || name == "vendor" || (!name.empty() && (name[0] == '.' || name[0] == '_'));
}

// Adds the scenarios of one directory by the rule above; `walk`: its subdirectories too.
void add_directory(const fs::path& dir, bool walk, std::vector<std::string>& out, std::vector<std::string>* notes) {
    std::vector<std::string> files = go_files_in(dir);
    bool package = false;
    if (files.size() == 1) {
        out.push_back(files[0]);
    } else if (files.size() > 1) {
        std::string name;
        std::string why = not_one_package(files, name);
        if (why.empty()) {
            package = true;
            out.push_back(dir.string());
            if (notes) notes->push_back(dir.string() + ": one package of " + std::to_string(files.size()) + " files");
        } else {
            out.insert(out.end(), files.begin(), files.end());
            if (notes)
                notes->push_back(dir.string() + ": " + std::to_string(files.size()) + " programs, each file on its own (" + why + ")");
        }
    }
    if (!walk && package) return;
    std::vector<fs::path> subdirs;
    std::error_code ec;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && !skipped_dir(it->path())) subdirs.push_back(it->path());
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& sub : subdirs) add_directory(sub, walk || !package, out, notes);
}
}  // namespace

std::vector<std::string> collect_scenario_files(const std::vector<std::string>& paths, std::vector<std::string>* notes) {
    std::vector<std::string> files;
    std::vector<lang::Diagnostic> problems;
    for (const auto& arg : paths) {
        std::string path = arg;
        bool walk = false;
        if (path == "..." || ends_with(path, "/...")) {
            walk = true;
            path = path.size() > 4 ? path.substr(0, path.size() - 4) : ".";
        }
        std::error_code ec;
        fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            problems.push_back({nullptr, {}, path + ": no such file or directory"});
            continue;
        }
        if (fs::is_directory(status)) {
            size_t before = files.size();
            add_directory(fs::path(path), walk, files, notes);
            if (files.size() == before) problems.push_back({nullptr, {}, path + ": no .go files in directory"});
        } else {
            files.push_back(path);
        }
    }
    if (!problems.empty()) throw lang::DiagnosticError(std::move(problems));
    return files;
}

namespace {
using Files = std::vector<std::pair<std::string, std::string>>;

// The packages of this module that `files` import, directly or not, dependencies first:
// each one's files (not its _test.go ones) with its import path; and the library packages
// lockstep runs from Go source (context, io, log, strings). An import cycle is an
// error, as go build's "import cycle not allowed".
struct ModuleImports {
    std::string module;
    fs::path root;
    Files files;
    std::vector<std::string> paths;  // one per file
    std::vector<std::string> done;
    std::vector<std::string> visiting;

    void imports_of(const Files& from) {
        for (const auto& [path, text] : from) {
            lang::SourceFile source(path, text);
            std::unique_ptr<lang::File> file;
            try {
                file = lang::parse_file(source);
            } catch (const lang::DiagnosticError&) {
                continue;  // the check reports it
            }
            for (const auto* gd : file->imports)
                for (const auto& spec : gd->imports) visit(spec.path);
        }
    }

    void visit(const std::string& import) {
        if (std::find(done.begin(), done.end(), import) != done.end()) return;
        // A library package lockstep runs from Go source (lang/std_sources.hpp) comes
        // first, as any dependency, after the library source packages it imports (strings
        // imports io).
        if (const lang::StdSource* std_src = lang::std_source(import)) {
            done.push_back(import);
            Files own{{lang::std_source_file(import), std::string(std_src->text)}};
            imports_of(own);
            files.push_back(std::move(own[0]));
            paths.push_back(import);
            return;
        }
        bool inside = !module.empty() && (import == module || import.compare(0, module.size() + 1, module + "/") == 0);
        if (!inside) return;
        if (std::find(visiting.begin(), visiting.end(), import) != visiting.end()) {
            std::string cycle;
            for (const auto& v : visiting) cycle += "\n\timports " + v;
            fail("import cycle not allowed:" + cycle + "\n\timports " + import);
        }
        visiting.push_back(import);
        fs::path dir = import == module ? root : root / import.substr(module.size() + 1);
        dir = fs::proximate(dir).lexically_normal();
        Files package;
        for (const auto& file : go_files_in(dir))
            if (!ends_with(file, "_test.go")) package.emplace_back(file, read_text(file));
        imports_of(package);
        visiting.pop_back();
        done.push_back(import);
        for (auto& f : package) {
            files.push_back(std::move(f));
            paths.push_back(import);
        }
    }
};
}  // namespace

std::unique_ptr<lang::SourceFile> load_source(const std::string& path, bool tests) {
    std::error_code ec;
    Files files;
    bool directory = fs::is_directory(path, ec);
    if (directory) {
        for (const auto& file : go_files_in(fs::path(path)))
            if (tests || !ends_with(file, "_test.go")) files.emplace_back(file, read_text(file));
        if (files.empty()) fail(path + ": no .go files in directory");
    } else {
        files.emplace_back(path, read_text(path));
    }
    ModuleImports deps;
    std::string root;
    deps.module = go_mod_module(path, &root);
    deps.root = root;
    deps.imports_of(files);
    if (deps.files.empty()) {
        if (!directory) return std::make_unique<lang::SourceFile>(path, std::move(files[0].second));
        return std::make_unique<lang::SourceFile>(lang::SourceFile::package(path, files));
    }
    // A program of several packages: the dependencies' files first, the package last.
    std::vector<std::string> paths = deps.paths;
    paths.resize(paths.size() + files.size());
    deps.files.insert(deps.files.end(), files.begin(), files.end());
    return std::make_unique<lang::SourceFile>(lang::SourceFile::package(path, deps.files, paths));
}

}  // namespace lockstep::cli
