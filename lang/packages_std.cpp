// The sequential standard library beyond the first shims (see lang/package_specs.hpp):
// io's interfaces and variables, fmt's Fprint family, log, sort, unicode/utf8, and more of
// errors, strings, strconv, os and runtime. Read by lang/packages.cpp.
#include "lang/package_specs.hpp"

namespace lockstep::lang {

const std::vector<PackageSpec>& more_specs() {
    static const std::vector<PackageSpec> all = {
        {"io", "io", {
            "type Writer interface { Write(p []byte) (n int, err error) }",
            "type Reader interface { Read(p []byte) (n int, err error) }",
            "type Closer interface { Close() error }",
            "type StringWriter interface { WriteString(s string) (n int, err error) }",
            "type ByteWriter interface { WriteByte(c byte) error }",
            "type discard struct { x int }",
            "func (discard) Write([]byte) (int, error)",
            "func (discard) WriteString(string) (int, error)",
            "var EOF error",
            "var ErrUnexpectedEOF error",
            "var ErrShortWrite error",
            "var ErrClosedPipe error",
            "var ErrShortBuffer error",
            "var ErrNoProgress error",
            "var Discard Writer",
            "func WriteString(w Writer, s string) (n int, err error)",
        }},
        {"io/ioutil", "ioutil", {
            "var Discard io.Writer",
        }},
        {"fmt", "fmt", {
            "func Fprint(w io.Writer, a ...any) (n int, err error)",
            "func Fprintln(w io.Writer, a ...any) (n int, err error)",
            "func Fprintf(w io.Writer, format string, a ...any) (n int, err error)",
        }},
        {"os", "os", {
            "type File struct { fd int }",
            "func (*File) Write([]byte) (int, error)",
            "func (*File) WriteString(string) (int, error)",
            "var Stdout *File",
            "var Stderr *File",
            "var Args []string",
        }},
        {"strings", "strings", {
            "func (*Builder) Write([]byte) (int, error)",
            "func Compare(string, string) int",
            "func ContainsAny(string, string) bool",
            "func EqualFold(string, string) bool",
            "func IndexByte(string, byte) int",
            "func IndexRune(string, rune) int",
            "func LastIndex(string, string) int",
            "func SplitN(string, string, int) []string",
            "func Trim(string, string) string",
            "func TrimLeft(string, string) string",
            "func TrimRight(string, string) string",
            "func Cut(s string, sep string) (before string, after string, found bool)",
        }},
        {"strconv", "strconv", {
            "func FormatBool(bool) string",
            "func ParseBool(string) (bool, error)",
            "func ParseInt(s string, base int, bitSize int) (int64, error)",
            "func FormatUint(uint64, int) string",
            "func QuoteRune(rune) string",
        }},
        {"errors", "errors", {
            "func As(err error, target any) bool",
            "func Join(errs ...error) error",
        }},
        {"time", "time", {
            "func (Time) String() string",
        }},
        {"runtime", "runtime", {
            "func NumCPU() int",
            "func Goexit()",
        }},
        {"log", "log", {
            "const Ldate = 1",
            "const Ltime = 2",
            "const Lmicroseconds = 4",
            "const Llongfile = 8",
            "const Lshortfile = 16",
            "const LUTC = 32",
            "const Lmsgprefix = 64",
            "const LstdFlags = 3",
            "func Print(v ...any)",
            "func Printf(format string, v ...any)",
            "func Println(v ...any)",
            "func Fatal(v ...any)",
            "func Fatalf(format string, v ...any)",
            "func Fatalln(v ...any)",
            "func Panic(v ...any)",
            "func Panicf(format string, v ...any)",
            "func Panicln(v ...any)",
            "func SetFlags(flag int)",
            "func Flags() int",
            "func SetPrefix(prefix string)",
            "func Prefix() string",
            // The header of a line of lang/stdsrc/log.go's Logger (a native).
            "func header(prefix string, flag int, calldepth int) string",
        }},
        {"sort", "sort", {
            "func Ints(x []int)",
            "func Strings(x []string)",
            "func Float64s(x []float64)",
            "func IntsAreSorted(x []int) bool",
            "func StringsAreSorted(x []string) bool",
            "func SearchInts(a []int, x int) int",
            "func SearchStrings(a []string, x string) int",
            "func Search(n int, f func(int) bool) int",
            "type Interface interface { Len() int; Less(i int, j int) bool; Swap(i int, j int) }",
            "func Sort(data Interface)",
            "func Stable(data Interface)",
            "func IsSorted(data Interface) bool",
            "func Slice(x any, less func(i int, j int) bool)",
            "func SliceStable(x any, less func(i int, j int) bool)",
            "func SliceIsSorted(x any, less func(i int, j int) bool) bool",
        }},
        {"unicode/utf8", "utf8", {
            "const RuneError rune = 65533",
            "const RuneSelf = 128",
            "const MaxRune rune = 1114111",
            "const UTFMax = 4",
            "func RuneLen(r rune) int",
            "func RuneCount(p []byte) int",
            "func RuneCountInString(s string) int",
            "func DecodeRune(p []byte) (rune, int)",
            "func DecodeRuneInString(s string) (rune, int)",
            "func DecodeLastRuneInString(s string) (rune, int)",
            "func EncodeRune(p []byte, r rune) int",
            "func ValidString(s string) bool",
            "func Valid(p []byte) bool",
            "func ValidRune(r rune) bool",
            "func FullRuneInString(s string) bool",
        }},
    };
    return all;
}

}  // namespace lockstep::lang
