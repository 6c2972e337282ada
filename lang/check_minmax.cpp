// The min and max builtins (Go 1.21; lookup hides them below go1.21): one or more
// operands of one ordered type, untyped constants converted to it; all constant: a
// constant result.
#include "lang/checker.hpp"
#include "lang/constant.hpp"

namespace lockstep::lang {

Operand Checker::min_max_call(CallExpr* ce, bool is_min) {
    std::string name = is_min ? "min" : "max";
    if (ce->args.empty())
        error(ce->rparen.valid() ? ce->rparen : ce->pos, "not enough arguments for " + expr_string(ce) + " (expected 1, found 0)");
    std::vector<Operand> ops;
    const Type* typed = nullptr;
    for (Expr* a : ce->args) {
        Operand v = rvalue(a);
        if (!is_untyped(v.type)) {
            if (!typed) typed = v.type;
            else if (!identical(typed, v.type))
                error(start_pos(a), "invalid argument: mismatched types " + type_string(typed, m_pkg) + " (previous argument) and " +
                                        type_string(v.type, m_pkg) + " (type of " + expr_string(a) + ")");
        }
        ops.push_back(v);
    }
    bool all_const = true;
    for (size_t i = 0; i < ops.size(); ++i) {
        Operand& v = ops[i];
        if (typed && is_untyped(v.type)) convert_untyped(v, typed);
        const Type* t = v.type;
        if (!(is_integer(t) || is_float(t) || is_string(t)))
            error(start_pos(ce->args[i]), "invalid argument: " + describe(v) + " cannot be ordered");
        if (v.mode != Mode::Constant) all_const = false;
    }
    Operand x;
    x.expr = ce;
    if (all_const) {
        // The smallest (largest) constant; untyped operands keep the widest untyped kind.
        size_t best = 0;
        for (size_t i = 1; i < ops.size(); ++i)
            if (const_compare(Tok::Lss, *ops[i].val, *ops[best].val) == is_min && !const_compare(Tok::Eql, *ops[i].val, *ops[best].val))
                best = i;
        x.mode = Mode::Constant;
        x.val = ops[best].val;
        x.type = ops[best].type;  // untyped: the chosen operand's kind (Go: the widest kind)
        return x;
    }
    x.mode = Mode::Value;
    x.type = typed;
    return x;
}

}  // namespace lockstep::lang
