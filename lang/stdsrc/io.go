// Package io's part that lockstep runs from Go source, beside the shim declarations of
// lang/packages_std.cpp (Reader, Writer, EOF, Discard, WriteString): ReadAll, ReadFull,
// ReadAtLeast, Copy and Pipe (ErrShortBuffer is a shim variable too, so that the
// package has no initialization of its own). The pipe is a model made of a sync.Mutex and channels, so a
// Write blocks until Reads have taken all of its bytes, a Read blocks until a Write or a
// Close, and the happens-before edges are those of the channel operations, as in Go's
// package (Go 1.19), whose behaviour it follows but not its code.
package io

import (
	"errors"
	"sync"
)

// ReadAll reads from r until an error or EOF and returns the data it read; a successful
// call returns err == nil, not EOF.
func ReadAll(r Reader) ([]byte, error) {
	b := make([]byte, 0, 512)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow the buffer
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == EOF {
				err = nil
			}
			return b, err
		}
	}
}

// ReadAtLeast reads from r into buf until it has read at least min bytes.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	if len(buf) < min {
		return 0, ErrShortBuffer
	}
	for n < min && err == nil {
		var nn int
		nn, err = r.Read(buf[n:])
		n += nn
	}
	if n >= min {
		err = nil
	} else if n > 0 && err == EOF {
		err = ErrUnexpectedEOF
	}
	return n, err
}

// ReadFull reads exactly len(buf) bytes from r into buf.
func ReadFull(r Reader, buf []byte) (n int, err error) {
	return ReadAtLeast(r, buf, len(buf))
}

// Copy copies from src to dst until EOF on src or an error, through a buffer of 512
// bytes (Go's is 32 KiB, and Go uses src's WriteTo or dst's ReadFrom when they have one:
// the chunks dst sees may differ, the bytes do not).
func Copy(dst Writer, src Reader) (written int64, err error) {
	buf := make([]byte, 512)
	for {
		nr, er := src.Read(buf)
		if nr > 0 {
			nw, ew := dst.Write(buf[0:nr])
			if nw < 0 || nr < nw {
				nw = 0
				if ew == nil {
					ew = errors.New("invalid write result")
				}
			}
			written += int64(nw)
			if ew != nil {
				err = ew
				break
			}
			if nr != nw {
				err = ErrShortWrite
				break
			}
		}
		if er != nil {
			if er != EOF {
				err = er
			}
			break
		}
	}
	return written, err
}

// pipe is the state both ends of a Pipe share.
type pipe struct {
	writing chan struct{} // holds a token while a Write is in progress: Writes do not interleave
	chunks  chan []byte   // a Write offers what remains of its bytes to a Read
	taken   chan int      // and the Read answers how many it copied
	mu      sync.Mutex    // guards the fields below
	closed  chan struct{} // closed when either end is first closed
	rerr    error         // what Reads return once the writer closed (EOF or its error)
	werr    error         // what Writes return once the reader closed
	done    bool          // p.closed is closed
}

// readErr and writeErr are the errors of a pipe one of whose ends is closed: a Read
// after the writer closed returns its error, after only the reader closed ErrClosedPipe.
func (p *pipe) readErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rerr == nil && p.werr != nil {
		return ErrClosedPipe
	}
	return p.rerr
}

func (p *pipe) writeErr() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.werr == nil && p.rerr != nil {
		return ErrClosedPipe
	}
	return p.werr
}

func (p *pipe) read(b []byte) (int, error) {
	select {
	case <-p.closed:
		return 0, p.readErr()
	default:
	}
	select {
	case chunk := <-p.chunks:
		n := copy(b, chunk)
		p.taken <- n
		return n, nil
	case <-p.closed:
		return 0, p.readErr()
	}
}

func (p *pipe) write(b []byte) (n int, err error) {
	select {
	case <-p.closed:
		return 0, p.writeErr()
	default:
	}
	// A channel rather than Go's mutex, so that lockstep does not see a lock held across
	// the channel operations below (its lock-held-blocking note is about the program's
	// locks); the Writes are ordered as a mutex orders them.
	p.writing <- struct{}{}
	defer func() { <-p.writing }()
	for first := true; first || len(b) > 0; first = false {
		select {
		case p.chunks <- b:
			k := <-p.taken
			b = b[k:]
			n += k
		case <-p.closed:
			return n, p.writeErr()
		}
	}
	return n, nil
}

// close records err for the other end (the first error of each end counts) and closes
// p.closed on the first close of either end.
func (p *pipe) close(reader bool, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if reader && p.werr == nil {
		p.werr = err
	}
	if !reader && p.rerr == nil {
		p.rerr = err
	}
	if !p.done {
		p.done = true
		close(p.closed)
	}
}

// A PipeReader is the read half of a pipe.
type PipeReader struct {
	p *pipe
}

// Read reads data from the pipe, blocking until a writer arrives or the write end is
// closed; after the write end is closed with an error, Read returns that error, else EOF.
func (r *PipeReader) Read(data []byte) (n int, err error) { return r.p.read(data) }

// Close closes the reader; subsequent writes to the write half return ErrClosedPipe.
func (r *PipeReader) Close() error { return r.CloseWithError(nil) }

// CloseWithError closes the reader; subsequent writes to the write half return err.
func (r *PipeReader) CloseWithError(err error) error {
	if err == nil {
		err = ErrClosedPipe
	}
	r.p.close(true, err)
	return nil
}

// A PipeWriter is the write half of a pipe.
type PipeWriter struct {
	p *pipe
}

// Write writes data to the pipe, blocking until one or more readers have consumed all
// of it or the read end is closed.
func (w *PipeWriter) Write(data []byte) (n int, err error) { return w.p.write(data) }

// Close closes the writer; subsequent reads from the read half return EOF.
func (w *PipeWriter) Close() error { return w.CloseWithError(nil) }

// CloseWithError closes the writer; subsequent reads from the read half return err (EOF
// when err is nil).
func (w *PipeWriter) CloseWithError(err error) error {
	if err == nil {
		err = EOF
	}
	w.p.close(false, err)
	return nil
}

// Pipe creates a synchronous in-memory pipe: each Write blocks until Reads have consumed
// all of its data; there is no internal buffering.
func Pipe() (*PipeReader, *PipeWriter) {
	p := &pipe{writing: make(chan struct{}, 1), chunks: make(chan []byte), taken: make(chan int), closed: make(chan struct{})}
	return &PipeReader{p}, &PipeWriter{p}
}
