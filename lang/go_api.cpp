// Go 1.19's exported names that lockstep's shims lack, by package (the parts a test or a
// concurrency kernel is likely to reach; a name missing here reads as `undefined:`).
#include "lang/go_api.hpp"

#include <algorithm>
#include <array>

namespace lockstep::lang {

std::string unsupported_universe_name(std::string_view name) {
    (void)name;  // every predeclared name of Go 1.19 is supported
    return {};
}

namespace {

struct PackageNames {
    std::string_view path;
    std::string_view names;  // space-separated
};

constexpr PackageNames k_go_api[] = {
    {"runtime", " BlockProfile Breakpoint CPUProfile Caller Callers CallersFrames Frame Frames Func FuncForPC GOROOT "
                "KeepAlive LockOSThread MemProfile MemProfileRate MemProfileRecord MemStats NumCgoCall "
                "ReadMemStats SetBlockProfileRate SetCPUProfileRate SetFinalizer SetMutexProfileFraction Stack "
                "StackRecord ThreadCreateProfile TypeAssertionError UnlockOSThread Version Error "},
    {"os", " Chdir Chmod Create DevNull Environ Executable Exit Getpid Getwd Hostname LookupEnv Mkdir MkdirAll "
           "Open OpenFile ReadDir ReadFile Remove RemoveAll Rename Setenv Stdin TempDir Unsetenv "
           "WriteFile File FileInfo FileMode Signal Interrupt Kill Process ProcAttr StartProcess ErrNotExist "},
    {"math", " Acos Acosh Asin Asinh Atan Atan2 Atanh Cbrt Cos Cosh Dim Erf Erfc Exp Exp2 Expm1 FMA Frexp Gamma "
             "Hypot Ilogb Inf IsInf IsNaN J0 J1 Jn Ldexp Lgamma Log Log10 Log1p Log2 Logb MaxInt8 MinInt8 MinInt16 "
             "MaxUint MinInt Modf Nextafter Nextafter32 Pow Pow10 Remainder Round RoundToEven Sin Sincos Sinh Tan Tanh "
             "Y0 Y1 Yn Ln2 Log2E Ln10 Log10E Phi Sqrt2 SqrtE SqrtPi SqrtPhi "},
    {"fmt", " Append Appendf Appendln Errorf Fscan Fscanf Fscanln Sscan Sscanf Sscanln Scan "
            "Scanf Scanln Formatter State GoStringer Scanner ScanState "},
    {"strings", " FieldsFunc IndexAny IndexFunc "
                "LastIndexAny LastIndexByte LastIndexFunc Map NewReplacer Replacer SplitAfter SplitAfterN "
                "Title ToTitle TrimFunc TrimLeftFunc TrimRightFunc "},
    {"strconv", " AppendInt AppendQuote FormatFloat ParseFloat ParseUint "
                "QuoteToASCII Unquote UnquoteChar NumError ErrRange ErrSyntax IntSize "},
    {"time", " ANSIC Date Duration Local Month ParseDuration Parse RFC3339 UTC Unix UnixMilli Weekday "},
    {"sync", " " },
    {"sync/atomic", " AddUint32 AddUint64 AddUintptr LoadPointer LoadUint32 LoadUint64 LoadUintptr StorePointer "
                    "StoreUint32 StoreUint64 StoreUintptr SwapPointer SwapUint32 SwapUint64 SwapUintptr "
                    "CompareAndSwapPointer CompareAndSwapUint32 CompareAndSwapUint64 CompareAndSwapUintptr "
                    "Uint32 Uint64 Uintptr "},
    {"errors", " "},
    {"log", " Default SetOutput Writer Output "},
    {"io", " CopyN CopyBuffer MultiWriter MultiReader "
           "TeeReader LimitReader LimitedReader NopCloser ReadWriter ReadCloser WriteCloser ReadWriteCloser Seeker "
           "ReaderAt WriterAt ReaderFrom WriterTo ByteReader ByteScanner RuneReader RuneScanner SectionReader "
           "NewSectionReader SeekStart SeekCurrent SeekEnd "},
    {"io/ioutil", " ReadAll ReadFile WriteFile TempDir TempFile ReadDir NopCloser "},
    {"sort", " Slice SliceStable SliceIsSorted Search Sort Stable IsSorted Interface IntSlice StringSlice "
             "Float64Slice Reverse Float64sAreSorted SearchFloat64s Find "},
    {"unicode/utf8", " AppendRune DecodeLastRune FullRune RuneStart "},
    {"bytes", " Compare Contains Equal Fields HasPrefix HasSuffix Index IndexByte Join "
              "Repeat Split ToLower ToUpper TrimSpace Runes "},
};

}  // namespace

bool go_exports(std::string_view path, std::string_view name) {
    for (const auto& p : k_go_api) {
        if (p.path != path) continue;
        std::string key = " " + std::string(name) + " ";
        return p.names.find(key) != std::string_view::npos;
    }
    return false;
}

int go_since(std::string_view path, std::string_view name) {
    struct Since {
        std::string_view path, name;
        int minor;
    };
    static constexpr Since k_since[] = {
        {"errors", "Join", 20},
        {"context", "WithCancelCause", 20},
        {"context", "CancelCauseFunc", 20},
        {"context", "Cause", 20},
        {"context", "AfterFunc", 21},
        {"sync", "OnceFunc", 21},
        {"sync", "OnceValue", 21},
        {"sync", "OnceValues", 21},
    };
    for (const Since& s : k_since)
        if (s.path == path && s.name == name) return s.minor;
    return 0;
}

}  // namespace lockstep::lang
