# Writes OUT, a C++ file holding every lang/stdsrc/*.go file as a string (lang/std_sources.hpp).
# Run by CMake at build time: cmake -DSRC_DIR=... -DOUT=... -P embed.cmake
file(GLOB files ${SRC_DIR}/*.go)
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WLE)  # math.rand.go: math/rand
  string(REPLACE "." "/" import_path ${name})
  file(READ ${f} text)
  string(APPEND body "    {\"${import_path}\", R\"lockstep_go(${text})lockstep_go\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from lang/stdsrc/*.go by lang/stdsrc/embed.cmake: do not edit.
#include \"lang/std_sources.hpp\"

namespace lockstep::lang {

const std::vector<StdSource>& std_sources() {
    static const std::vector<StdSource> sources = {
${body}    };
    return sources;
}

}  // namespace lockstep::lang
")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
