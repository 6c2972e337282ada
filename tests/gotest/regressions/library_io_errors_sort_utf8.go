// The sequential library kernels use: fmt.Fprint* to os.Stdout/os.Stderr, a
// *bytes.Buffer, a *strings.Builder, io.Discard and a writer of the program; os.Args;
// errors.As through %w and a Join-like user error; sort, unicode/utf8, strings and
// strconv functions; log with SetFlags/SetPrefix, Lmsgprefix, Lshortfile and Panicf.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "myerr " + strconv.Itoa(e.Code) }

type upper struct{ n int }

func (u *upper) Write(p []byte) (int, error) {
	u.n += len(p)
	fmt.Print(strings.ToUpper(string(p)))
	return len(p), nil
}

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1, 2)
	fmt.Fprintf(os.Stderr, "to stderr %d\n", 3)
	var b bytes.Buffer
	fmt.Fprintf(&b, "x=%v;", 42)
	fmt.Fprint(&b, "y", 1)
	fmt.Println(b.String())
	var sb strings.Builder
	n, err := fmt.Fprintf(&sb, "hello %s", "world")
	fmt.Println(sb.String(), n, err)
	u := &upper{}
	fmt.Fprintln(u, "shout", "it")
	fmt.Println(u.n)
	fmt.Fprintln(io.Discard, "nothing")
	fmt.Fprintln(ioutil.Discard, "nothing")
	io.WriteString(os.Stdout, "ws\n")
	fmt.Println(len(os.Args), os.Stdout == os.Stdout, os.Stdout == os.Stderr)
	fmt.Printf("%T %T\n", os.Stdout, io.Discard)

	var e error = fmt.Errorf("wrap: %w", &MyErr{7})
	var me *MyErr
	fmt.Println(errors.As(e, &me), me.Code)
	j := join(errors.New("a"), nil, e, io.EOF)
	fmt.Println(j)
	fmt.Printf("%T %v %v\n", j, errors.Is(j, io.EOF), errors.Unwrap(j))
	var me2 *MyErr
	fmt.Println(errors.As(j, &me2), me2)
	fmt.Println(true)
	var target interface{ Error() string }
	fmt.Println(errors.As(io.EOF, &target), target)

	xs := []int{5, 2, 8, 1}
	sort.Ints(xs)
	ss := []string{"b", "a", "c"}
	sort.Strings(ss)
	fs := []float64{2.5, -1, 3}
	sort.Float64s(fs)
	fmt.Println(xs, ss, fs, sort.SearchInts(xs, 5), sort.IntsAreSorted(xs), sort.SearchStrings(ss, "bb"))

	s := "héllo, 世界"
	fmt.Println(utf8.RuneCountInString(s), utf8.RuneLen('世'), utf8.ValidString(s), utf8.ValidString("\xff"))
	r, w := utf8.DecodeRuneInString(s[1:])
	fmt.Println(r, w, utf8.RuneError)
	r, w = utf8.DecodeRuneInString("")
	fmt.Println(r, w)
	buf := make([]byte, 4)
	fmt.Println(utf8.EncodeRune(buf, '界'), buf)
	r, w = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), w, utf8.RuneCount([]byte(s)), utf8.FullRuneInString("\xe4\xb8"))

	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("ab", "", "-", -1))
	fmt.Println(strings.TrimPrefix("prefix-x", "prefix-"), strings.TrimSuffix("x.go", ".go"), strings.Compare("a", "b"), strings.ContainsAny("failure", "ui"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.IndexByte("golang", 'l'), strings.IndexRune("chicken", 'k'), strings.LastIndex("go gopher", "go"))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q %q %q\n", strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"), strings.TrimLeft("xxhixx", "x"), strings.TrimRight("xxhixx", "x"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found, strings.ContainsRune("abc", 'b'))
	v, err := strconv.ParseInt("-0x1f", 0, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("12a", 10, 64)
	fmt.Println(v, err)
	bb, err := strconv.ParseBool("T")
	fmt.Println(bb, err, strconv.FormatBool(false), strconv.FormatUint(255, 16), strconv.QuoteRune('☺'), strconv.QuoteRune('\''), strconv.QuoteRune('\n'))
	fmt.Println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0) > 0, runtime.GOMAXPROCS(3) > 0, runtime.GOMAXPROCS(0))

	log.SetFlags(0)
	log.Println("log line", 1)
	log.SetPrefix("pfx: ")
	log.Printf("fmt %d", 2)
	log.SetFlags(log.Lmsgprefix)
	log.Print("msgprefix")
	log.SetFlags(log.Lshortfile)
	log.Print("short")
	log.SetPrefix("")
	defer func() { fmt.Println("recovered:", recover()) }()
	log.Panicf("boom %d", 3)
}

type joinError struct{ errs []error }

func join(errs ...error) error {
	var j joinError
	for _, e := range errs {
		if e != nil {
			j.errs = append(j.errs, e)
		}
	}
	return &j
}
func (j *joinError) Error() string {
	s := ""
	for i, e := range j.errs {
		if i > 0 {
			s += "\n"
		}
		s += e.Error()
	}
	return s
}
func (j *joinError) Unwrap() []error { return j.errs }
