// Package log's part that lockstep runs from Go source, beside the shim declarations of
// lang/packages_std.cpp (the flag constants and the standard logger's functions, which
// are natives): Logger and New, as Go 1.19's Logger behaves. A Logger serializes its
// lines (see Output) and writes each with one Write to its io.Writer; the
// line's header (prefix, date, time, file:line) is the native header, which reads the
// virtual clock and the caller's position.
package log

import (
	"fmt"
	"io"
	"os"
	"sync"
)

// A Logger writes lines of output to an io.Writer; it can be used from several
// goroutines at once.
type Logger struct {
	mu     sync.Mutex // guards the fields below
	prefix string
	flag   int
	out    io.Writer
	// Holds a token while a line is written: lines do not interleave and are ordered as
	// Go's Logger orders them under its mutex, but lockstep sees no lock held across the
	// Write, which may block (an io.Pipe).
	turn chan struct{}
}

// New creates a new Logger writing to out, each line starting with prefix (after the
// header with the Lmsgprefix flag).
func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{out: out, prefix: prefix, flag: flag}
}

// SetOutput sets the output destination for the logger.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
}

// Output writes the output for a logging event: s after the header, and a newline if s
// has none; calldepth counts the frames up to the one whose position Llongfile and
// Lshortfile print (1: Output's caller).
func (l *Logger) Output(calldepth int, s string) error {
	l.mu.Lock()
	if l.turn == nil {
		l.turn = make(chan struct{}, 1)
	}
	turn := l.turn
	l.mu.Unlock()
	turn <- struct{}{}
	defer func() { <-turn }()
	l.mu.Lock()
	line := header(l.prefix, l.flag, calldepth) + s
	out := l.out
	l.mu.Unlock()
	if len(s) == 0 || s[len(s)-1] != '\n' {
		line += "\n"
	}
	_, err := out.Write([]byte(line))
	return err
}

// Print calls l.Output to print to the logger, with the arguments as fmt.Print's.
func (l *Logger) Print(v ...any) { l.Output(2, fmt.Sprint(v...)) }

// Printf calls l.Output to print to the logger, with the arguments as fmt.Printf's.
func (l *Logger) Printf(format string, v ...any) { l.Output(2, fmt.Sprintf(format, v...)) }

// Println calls l.Output to print to the logger, with the arguments as fmt.Println's.
func (l *Logger) Println(v ...any) { l.Output(2, fmt.Sprintln(v...)) }

// Fatal is l.Print followed by os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is l.Printf followed by os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is l.Println followed by os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is l.Print followed by a call to panic().
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

// Panicf is l.Printf followed by a call to panic().
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

// Panicln is l.Println followed by a call to panic().
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

// Flags returns the output flags for the logger.
func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}

// SetFlags sets the output flags for the logger.
func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flag = flag
}

// Prefix returns the output prefix for the logger.
func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}

// SetPrefix sets the output prefix for the logger.
func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.prefix = prefix
}

// Writer returns the output destination for the logger.
func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out
}
