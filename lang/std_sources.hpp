// The standard-library packages lockstep runs from Go source instead of as natives
// (lang/stdsrc/*.go, compiled into the binary by lang/stdsrc/embed.cmake): a program that
// imports one gets its file as a dependency package, checked and run like the program's
// own code, so its synchronization is that of the modelled primitives.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lockstep::lang {

struct StdSource {
    std::string_view import_path;  // "context"
    std::string_view text;
};

const std::vector<StdSource>& std_sources();

// The source of library package `import_path`, or null when it is not run from source.
inline const StdSource* std_source(std::string_view import_path) {
    for (const StdSource& s : std_sources())
        if (s.import_path == import_path) return &s;
    return nullptr;
}

// The file name its steps show in traces and reports: "lockstep-std/context/context.go".
inline std::string std_source_file(std::string_view import_path) {
    std::string_view last = import_path.substr(import_path.rfind('/') + 1);
    return "lockstep-std/" + std::string(import_path) + "/" + std::string(last) + ".go";
}

}  // namespace lockstep::lang
