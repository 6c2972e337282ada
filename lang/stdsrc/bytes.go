// Package bytes' part that lockstep runs from Go source, beside the shim declarations of
// lang/packages.cpp (Buffer, whose methods are natives): NewBuffer, NewBufferString,
// Buffer's Read, and Reader, an io.Reader over a byte slice, as Go 1.19's behave.
package bytes

import (
	"errors"
	"io"
)

// NewBuffer returns a Buffer whose contents are a copy of buf (Go's takes buf itself as
// its initial contents: a later write to buf's elements shows in Go's Buffer, not here).
func NewBuffer(buf []byte) *Buffer {
	b := new(Buffer)
	b.Write(buf)
	return b
}

// NewBufferString returns a Buffer whose contents are s.
func NewBufferString(s string) *Buffer {
	b := new(Buffer)
	b.WriteString(s)
	return b
}

// Read reads the next len(p) bytes from the buffer or until it is drained; a drained
// buffer returns io.EOF (unless len(p) is zero).
func (b *Buffer) Read(p []byte) (n int, err error) {
	s := b.String()
	if len(s) == 0 {
		b.Reset()
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n = copy(p, s)
	b.Reset()
	b.WriteString(s[n:])
	return n, nil
}

// A Reader implements io.Reader and io.ByteReader by reading from a byte slice.
type Reader struct {
	s []byte
	i int64 // current reading index
}

// NewReader returns a new Reader reading from b.
func NewReader(b []byte) *Reader { return &Reader{b, 0} }

// Len returns the number of bytes of the unread portion of the slice.
func (r *Reader) Len() int {
	if r.i >= int64(len(r.s)) {
		return 0
	}
	return int(int64(len(r.s)) - r.i)
}

// Size returns the original length of the underlying byte slice.
func (r *Reader) Size() int64 { return int64(len(r.s)) }

// Read reads up to len(b) bytes; at the end of the slice it returns 0, io.EOF.
func (r *Reader) Read(b []byte) (n int, err error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	n = copy(b, r.s[r.i:])
	r.i += int64(n)
	return n, nil
}

// ReadByte reads the next byte.
func (r *Reader) ReadByte() (byte, error) {
	if r.i >= int64(len(r.s)) {
		return 0, io.EOF
	}
	b := r.s[r.i]
	r.i++
	return b, nil
}

// UnreadByte steps back one byte.
func (r *Reader) UnreadByte() error {
	if r.i <= 0 {
		return errors.New("bytes.Reader.UnreadByte: at beginning of slice")
	}
	r.i--
	return nil
}

// Reset resets the Reader to be reading from b.
func (r *Reader) Reset(b []byte) { *r = Reader{b, 0} }
