// fuzz_parse: any bytes through the scanner and parser. A DiagnosticError is a normal
// outcome; a crash, a sanitizer report, any other exception or a hang is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.hpp"
#include "lang/ast_dump.hpp"
#include "lang/parser.hpp"

using namespace lockstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    lang::SourceFile src = fuzz::source_of(data, size);
    try {
        std::unique_ptr<lang::File> file = lang::parse_file(src);
        // Walk whatever tree the parser built: a dangling or null child the parser left
        // behind shows up here rather than later in the checker.
        (void)lang::dump(*file);
    } catch (const lang::DiagnosticError& e) {
        fuzz::expect_well_formed(e, src);
    }
    return 0;
}
