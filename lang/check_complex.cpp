// The complex, real and imag builtins: complex(float32, float32) is a complex64,
// real/imag of a complex128 a float64; all-constant operands give a constant.
#include "lang/checker.hpp"
#include "lang/constant.hpp"
#include "lang/universe.hpp"

namespace lockstep::lang {

Operand Checker::complex_call(CallExpr* ce) {
    if (ce->args.size() != 2)
        error(ce->args.size() < 2 ? (ce->rparen.valid() ? ce->rparen : ce->pos) : start_pos(ce->args[2]),
              std::string(ce->args.size() < 2 ? "not enough" : "too many") + " arguments for " + expr_string(ce) +
                  " (expected 2, found " + std::to_string(ce->args.size()) + ")");
    Operand re = rvalue(ce->args[0]), im = rvalue(ce->args[1]);
    // An untyped operand takes the other's type; two untyped ones stay untyped floats.
    if (is_untyped(re.type) && !is_untyped(im.type)) convert_untyped(re, im.type);
    else if (is_untyped(im.type) && !is_untyped(re.type)) convert_untyped(im, re.type);
    Operand x;
    x.expr = ce;
    if (is_untyped(re.type) && is_untyped(im.type)) {
        ConstValue r, i;
        if (!representable(*re.val, BasicKind::UntypedFloat, &r))
            error(start_pos(ce->args[0]), "invalid argument: arguments have type " + type_string(re.type, m_pkg) + ", expected floating-point");
        if (!representable(*im.val, BasicKind::UntypedFloat, &i))
            error(start_pos(ce->args[1]), "invalid argument: arguments have type " + type_string(im.type, m_pkg) + ", expected floating-point");
        x.mode = Mode::Constant;
        x.val = constant_of(const_complex(r.kind == ConstKind::Int ? mpq_class(r.i) : r.f, i.kind == ConstKind::Int ? mpq_class(i.i) : i.f));
        x.type = basic_type(BasicKind::UntypedComplex);
        return x;
    }
    if (!identical(re.type, im.type))
        error(start_pos(ce->args[0]), "invalid operation: " + expr_string(ce) + " (mismatched types " + type_string(re.type, m_pkg) +
                                 " and " + type_string(im.type, m_pkg) + ")");
    const Basic* b = underlying(re.type)->as<Basic>();
    if (!b || (b->basic != BasicKind::Float32 && b->basic != BasicKind::Float64))
        error(start_pos(ce->args[0]), "invalid argument: arguments have type " + type_string(re.type, m_pkg) + ", expected floating-point");
    x.type = basic_type(b->basic == BasicKind::Float32 ? BasicKind::Complex64 : BasicKind::Complex128);
    if (re.mode == Mode::Constant && im.mode == Mode::Constant) {
        x.mode = Mode::Constant;
        x.val = constant_of(const_complex(re.val->kind == ConstKind::Int ? mpq_class(re.val->i) : re.val->f,
                                          im.val->kind == ConstKind::Int ? mpq_class(im.val->i) : im.val->f));
        return x;
    }
    x.mode = Mode::Value;
    return x;
}

Operand Checker::real_imag_call(CallExpr* ce, bool real) {
    const char* name = real ? "real" : "imag";
    if (ce->args.size() != 1)
        error(ce->args.empty() ? (ce->rparen.valid() ? ce->rparen : ce->pos) : start_pos(ce->args[1]),
              std::string(ce->args.empty() ? "not enough" : "too many") + " arguments for " + expr_string(ce) +
                  " (expected 1, found " + std::to_string(ce->args.size()) + ")");
    Operand v = rvalue(ce->args[0]);
    Operand x;
    x.expr = ce;
    if (is_untyped(v.type)) {
        ConstValue c;
        if (v.mode != Mode::Constant || !representable(*v.val, BasicKind::UntypedComplex, &c))
            error(start_pos(ce->args[0]), "invalid argument: " + describe(v) + " not of complex type");
        x.mode = Mode::Constant;
        x.val = constant_of(const_float(real ? c.f : c.im));
        x.type = basic_type(BasicKind::UntypedFloat);
        return x;
    }
    const Basic* b = underlying(v.type)->as<Basic>();
    if (!b || (b->basic != BasicKind::Complex64 && b->basic != BasicKind::Complex128))
        error(start_pos(ce->args[0]), "invalid argument: " + describe(v) + " not of complex type (" + name + ")");
    x.type = basic_type(b->basic == BasicKind::Complex64 ? BasicKind::Float32 : BasicKind::Float64);
    if (v.mode == Mode::Constant) {
        x.mode = Mode::Constant;
        x.val = constant_of(const_float(real ? v.val->f : v.val->im));
        return x;
    }
    x.mode = Mode::Value;
    return x;
}

}  // namespace lockstep::lang
