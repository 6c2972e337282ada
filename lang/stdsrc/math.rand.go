// Package rand is lockstep's model of Go's math/rand, written in Go and run by lockstep
// like the program's own code. A result with few possible values (at most 4 by default:
// //lockstep:bound rand=N, --rand-choices N) is a data choice of the search, which tries
// every value; any other result comes from a seeded generator that the schedule
// determines (a replay draws the same values), and then the search is bounded ("rand"),
// never verified. The sequences are lockstep's own, not Go's: a program that prints
// what it drew prints other numbers than under go run.
//
// The top-level functions use the global source, which Go locks: they touch no state a
// race could be reported on, and are independent of every other goroutine's steps. A
// *Rand over NewSource is not safe for concurrent use in Go: each draw writes the
// source's state, so two goroutines drawing from one without synchronization race, as
// go run -race reports. A Source of the program's own is called as Go calls it.
package rand

import lsrand "internal/lockstep/rand"

// A Source is a source of uniformly distributed pseudo-random int64 values in [0, 1<<63).
type Source interface {
	Int63() int64
	Seed(seed int64)
}

// A Source64 is a Source that can also generate uint64 values directly.
type Source64 interface {
	Source
	Uint64() uint64
}

// rngSource is NewSource's source: its state is written by every draw.
type rngSource struct {
	seed  int64
	draws uint64
}

func (s *rngSource) Int63() int64 {
	s.draws++
	return int64(lsrand.Mix(s.seed, s.draws) >> 1)
}

func (s *rngSource) Uint64() uint64 {
	s.draws++
	return lsrand.Mix(s.seed, s.draws)
}

func (s *rngSource) Seed(seed int64) {
	s.seed = seed
	s.draws = 0
}

// NewSource returns a new pseudo-random Source seeded with the given value. It is not
// safe for concurrent use by multiple goroutines.
func NewSource(seed int64) Source {
	return &rngSource{seed: seed}
}

// A Rand is a source of random numbers. Its methods are Go's algorithms over its
// Source, except that a result of few values from NewSource's source is a choice.
type Rand struct {
	src Source
	s64 Source64   // src, when it is one
	rng *rngSource // src, when it is NewSource's
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	r := &Rand{src: src}
	r.s64, _ = src.(Source64)
	r.rng, _ = src.(*rngSource)
	return r
}

// choice reports whether [0, n) is a data choice of the search: only for lockstep's
// own source, whose state the draw still writes.
func (r *Rand) choice(n int64) bool {
	if r.rng == nil || !lsrand.Small(n) {
		return false
	}
	r.rng.draws++
	return true
}

// Seed uses the provided seed value to initialize the generator to a deterministic state.
func (r *Rand) Seed(seed int64) { r.src.Seed(seed) }

// Int63 returns a non-negative pseudo-random 63-bit integer as an int64.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func (r *Rand) Uint64() uint64 {
	if r.s64 != nil {
		return r.s64.Uint64()
	}
	return uint64(r.Int63())>>31 | uint64(r.Int63())<<32
}

// Int31 returns a non-negative pseudo-random 31-bit integer as an int32.
func (r *Rand) Int31() int32 { return int32(r.Int63() >> 32) }

// Int returns a non-negative pseudo-random int.
func (r *Rand) Int() int {
	u := uint(r.Int63())
	return int(u << 1 >> 1)
}

// Int63n returns, as an int64, a non-negative pseudo-random number in [0,n).
// It panics if n <= 0.
func (r *Rand) Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	if r.choice(n) {
		return lsrand.Below(n)
	}
	if n&(n-1) == 0 {
		return r.Int63() & (n - 1)
	}
	max := int64((1 << 63) - 1 - (1<<63)%uint64(n))
	v := r.Int63()
	for v > max {
		v = r.Int63()
	}
	return v % n
}

// Int31n returns, as an int32, a non-negative pseudo-random number in [0,n).
// It panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	if r.choice(int64(n)) {
		return int32(lsrand.Below(int64(n)))
	}
	if n&(n-1) == 0 {
		return r.Int31() & (n - 1)
	}
	max := int32((1 << 31) - 1 - (1<<31)%uint32(n))
	v := r.Int31()
	for v > max {
		v = r.Int31()
	}
	return v % n
}

// int31n is Shuffle's draw in [0, n), n > 0 (Go's multiply-and-shift method).
func (r *Rand) int31n(n int32) int32 {
	if r.choice(int64(n)) {
		return int32(lsrand.Below(int64(n)))
	}
	v := r.Uint32()
	prod := uint64(v) * uint64(n)
	low := uint32(prod)
	if low < uint32(n) {
		thresh := uint32(-n) % uint32(n)
		for low < thresh {
			v = r.Uint32()
			prod = uint64(v) * uint64(n)
			low = uint32(prod)
		}
	}
	return int32(prod >> 32)
}

// Intn returns, as an int, a non-negative pseudo-random number in [0,n).
// It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	if n <= 1<<31-1 {
		return int(r.Int31n(int32(n)))
	}
	return int(r.Int63n(int64(n)))
}

// Float64 returns, as a float64, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float64() float64 {
	for {
		f := float64(r.Int63()) / (1 << 63)
		if f < 1 {
			return f
		}
	}
}

// Float32 returns, as a float32, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float32() float32 {
	for {
		f := float32(r.Float64())
		if f < 1 {
			return f
		}
	}
}

// Perm returns, as a slice of n ints, a pseudo-random permutation of the integers in
// the half-open interval [0,n).
func (r *Rand) Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := r.Intn(i + 1)
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle pseudo-randomizes the order of elements. n is the number of elements; swap
// swaps the elements with indexes i and j. It panics if n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	i := n - 1
	for ; i > 1<<31-1-1; i-- {
		j := int(r.Int63n(int64(i + 1)))
		swap(i, j)
	}
	for ; i > 0; i-- {
		j := int(r.int31n(int32(i + 1)))
		swap(i, j)
	}
}

// The top-level functions draw from the global source: one primitive per value.

// Seed uses the provided seed value to initialize the default Source.
func Seed(seed int64) { lsrand.Seed(seed) }

// Int63 returns a non-negative pseudo-random 63-bit integer as an int64.
func Int63() int64 { return int64(lsrand.Uint64() >> 1) }

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func Uint32() uint32 { return uint32(lsrand.Uint64() >> 32) }

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func Uint64() uint64 { return lsrand.Uint64() }

// Int31 returns a non-negative pseudo-random 31-bit integer as an int32.
func Int31() int32 { return int32(lsrand.Uint64() >> 33) }

// Int returns a non-negative pseudo-random int.
func Int() int { return int(lsrand.Uint64() >> 1) }

// Int63n returns, as an int64, a non-negative pseudo-random number in [0,n).
func Int63n(n int64) int64 {
	if n <= 0 {
		panic("invalid argument to Int63n")
	}
	return lsrand.Below(n)
}

// Int31n returns, as an int32, a non-negative pseudo-random number in [0,n).
func Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return int32(lsrand.Below(int64(n)))
}

// Intn returns, as an int, a non-negative pseudo-random number in [0,n).
func Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return int(lsrand.Below(int64(n)))
}

// Float64 returns, as a float64, a pseudo-random number in the half-open interval [0.0,1.0).
func Float64() float64 { return float64(lsrand.Uint64()>>11) / (1 << 53) }

// Float32 returns, as a float32, a pseudo-random number in the half-open interval [0.0,1.0).
func Float32() float32 { return float32(lsrand.Uint64()>>40) / (1 << 24) }

// Perm returns, as a slice of n ints, a pseudo-random permutation of [0,n): each of its
// draws is a choice when its range is small (Intn(i+1) for element i, as Go draws).
func Perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := int(lsrand.Below(int64(i + 1)))
		m[i] = m[j]
		m[j] = i
	}
	return m
}

// Shuffle pseudo-randomizes the order of elements using the default Source.
func Shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		swap(i, int(lsrand.Below(int64(i+1))))
	}
}
