// The standard-library shims lockstep understands (SPEC §2 tier 1): their exported
// types, functions, methods and constants with Go's real signatures. Each function and
// method object carries its `native` name (the VM switches on it); each library type its
// Named::native name.
//
// Layout of the library types, so the compiler can size them. Every opaque sync object
// holds one hidden `handle uintptr` field: 0 means "not yet registered", the VM assigns a
// sync object id on first use (so a zero value is usable, as in Go).
//   sync.Mutex, sync.RWMutex, sync.WaitGroup, sync.Once, sync.Map:
//                                 struct { handle uintptr }
//   sync.Pool:                    struct { handle uintptr; New func() any }
//   sync.Cond:                    struct { handle uintptr; L sync.Locker }
//   sync/atomic.Int32/Int64/Uint32/Uint64: struct { v int32|int64|uint32|uint64 }
//   sync/atomic.Bool:             struct { v uint32 }
//   sync/atomic.Value:            struct { v any }
//   strings.Builder:              struct { buf []byte }
//   bytes.Buffer:                 struct { buf []byte; off int }
//   time.Time:                    struct { ns int64 }   (virtual nanoseconds since the start)
//   time.Duration:                int64
//   sync.Locker, error:           interfaces
// Tier 2 (declared so programs check; the VM decides what it runs):
//   time.Timer, time.Ticker:      struct { C <-chan time.Time; handle uintptr }
//   context.Context:              interface (Deadline, Done, Err, Value);
//   context.CancelFunc:           func()
//   testing.T, testing.M, testing.F: struct { handle uintptr } (import only with
//                                 CheckOptions::allow_testing; the handle holds the
//                                 test's index + 1 in the VM's test tree)
//   testing.B:                    struct { handle uintptr; N int }
//   os.File:                      struct { fd int }   (os.Stdout: 1, os.Stderr: 2)
//   io.discard (io.Discard's type): struct { x int }
// Package variables (`var` declarations: os.Args, os.Stdout, io.EOF, ...) are read through
// the native of the same name; io.Discard is compiled as a zero io.discard.
// Packages: fmt, sync, sync/atomic, time, errors, strings, strconv, bytes, os, runtime,
// math, context, testing (lang/packages.cpp); io, io/ioutil, log, sort, unicode/utf8 and
// more members of the others (lang/packages_std.cpp).
#pragma once

#include <string_view>

#include "lang/types.hpp"

namespace lockstep::lang {

// Declares library package `path` ("sync", "sync/atomic", ...) into `info` (its objects
// are owned by info) and returns it; null when lockstep does not support that package.
// Importing the same path twice into one TypeInfo returns the same Package.
Package* load_package(TypeInfo& info, std::string_view path);

// Whether `path` is one of the supported library packages.
bool is_supported_package(std::string_view path);

}  // namespace lockstep::lang
