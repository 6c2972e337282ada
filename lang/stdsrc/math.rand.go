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

// A Rand is a source of random numbers.
type Rand struct {
	src Source
	rng *rngSource // src when it is NewSource's: its small results are choices too
}

// New returns a new Rand that uses random values from src.
func New(src Source) *Rand {
	r := &Rand{src: src}
	if s, ok := src.(*rngSource); ok {
		r.rng = s
	}
	return r
}

// gen is what a draw needs of a Rand, by value; gen{} is the global source, whose
// draws are one primitive each.
type gen struct {
	src Source
	rng *rngSource
}

func (r *Rand) gen() gen { return gen{r.src, r.rng} }

// below is a value in [0, n), n > 0: a choice of the search when n is small and the
// source is lockstep's, else drawn from the source (a Source of the program's own as
// Go draws from it).
func (g gen) below(n int64) int64 {
	if g.src == nil {
		return lsrand.Below(n)
	}
	if g.rng != nil && lsrand.Small(n) {
		g.rng.draws++
		return lsrand.Below(n)
	}
	if n&(n-1) == 0 {
		return g.src.Int63() & (n - 1)
	}
	max := int64((1 << 63) - 1 - (1<<63)%uint64(n))
	v := g.src.Int63()
	for v > max {
		v = g.src.Int63()
	}
	return v % n
}

func (g gen) float64() float64 { return float64(g.below(1<<53)) / (1 << 53) }

func (g gen) float32() float32 { return float32(g.below(1<<24)) / (1 << 24) }

// perm is Go's algorithm: each of its draws is a choice when its range is small.
func (g gen) perm(n int) []int {
	m := make([]int, n)
	for i := 0; i < n; i++ {
		j := int(g.below(int64(i + 1)))
		m[i] = m[j]
		m[j] = i
	}
	return m
}

func (g gen) shuffle(n int, swap func(i, j int)) {
	if n < 0 {
		panic("invalid argument to Shuffle")
	}
	for i := n - 1; i > 0; i-- {
		j := int(g.below(int64(i + 1)))
		swap(i, j)
	}
}

// Seed uses the provided seed value to initialize the generator to a deterministic state.
func (r *Rand) Seed(seed int64) { r.src.Seed(seed) }

// Int63 returns a non-negative pseudo-random 63-bit integer as an int64.
func (r *Rand) Int63() int64 { return r.src.Int63() }

// Uint32 returns a pseudo-random 32-bit value as a uint32.
func (r *Rand) Uint32() uint32 { return uint32(r.Int63() >> 31) }

// Uint64 returns a pseudo-random 64-bit value as a uint64.
func (r *Rand) Uint64() uint64 {
	if s, ok := r.src.(Source64); ok {
		return s.Uint64()
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
	return r.gen().below(n)
}

// Int31n returns, as an int32, a non-negative pseudo-random number in [0,n).
// It panics if n <= 0.
func (r *Rand) Int31n(n int32) int32 {
	if n <= 0 {
		panic("invalid argument to Int31n")
	}
	return int32(r.gen().below(int64(n)))
}

// Intn returns, as an int, a non-negative pseudo-random number in [0,n).
// It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("invalid argument to Intn")
	}
	return int(r.gen().below(int64(n)))
}

// Float64 returns, as a float64, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float64() float64 { return r.gen().float64() }

// Float32 returns, as a float32, a pseudo-random number in the half-open interval [0.0,1.0).
func (r *Rand) Float32() float32 { return r.gen().float32() }

// Perm returns, as a slice of n ints, a pseudo-random permutation of the integers in
// the half-open interval [0,n).
func (r *Rand) Perm(n int) []int { return r.gen().perm(n) }

// Shuffle pseudo-randomizes the order of elements. n is the number of elements; swap
// swaps the elements with indexes i and j. It panics if n < 0.
func (r *Rand) Shuffle(n int, swap func(i, j int)) { r.gen().shuffle(n, swap) }

// The top-level functions draw from the global source.

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
func Float64() float64 { return gen{}.float64() }

// Float32 returns, as a float32, a pseudo-random number in the half-open interval [0.0,1.0).
func Float32() float32 { return gen{}.float32() }

// Perm returns, as a slice of n ints, a pseudo-random permutation of [0,n).
func Perm(n int) []int { return gen{}.perm(n) }

// Shuffle pseudo-randomizes the order of elements using the default Source.
func Shuffle(n int, swap func(i, j int)) { gen{}.shuffle(n, swap) }
