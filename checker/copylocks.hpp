// The copylocks check behind `lockstep vet` and the static `copied-lock` bug: go vet's
// copylocks analysis (golang.org/x/tools/go/analysis/passes/copylock, Go 1.19),
// re-implemented over lockstep's typed AST, with go vet's rules and message text.
#pragma once

#include <string>
#include <vector>

#include "checker/result.hpp"
#include "lang/ast.hpp"
#include "lang/types.hpp"

namespace lockstep::checker {

// Every place `file` copies a value containing a lock, as go vet reports them and in the
// same order (a pre-order walk of the file): parameters and receivers passed by value,
// assignments, variable declarations, composite literal elements, call arguments (so
// `go`/`defer` calls too), return values and range variables. Each is a Bug of kind
// CopiedLock, severity Warning, located at the offending expression or parameter type,
// with go vet's message ("Get passes lock by value: main.Counter contains sync.Mutex").
// `info` must be the TypeInfo check_file produced for `file`.
std::vector<Bug> check_copylocks(const lang::File& file, const lang::TypeInfo& info);

// Where T holds a lock by value, outermost first, as go vet prints it:
// "main.Counter contains sync.Mutex", "sync.WaitGroup contains sync.noCopy",
// "main.Embed" (a struct whose pointer is a sync.Locker but whose value is not, such as
// one embedding sync.Mutex). Empty when T holds no lock by value (pointers, slices, maps,
// interfaces and channels stop the search; arrays do not).
std::string lock_path(const lang::Type* T);

}  // namespace lockstep::checker
