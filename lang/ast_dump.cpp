// The S-expression dumper: one shape per node kind, in the order of lang/node_kinds.def.
#include "lang/ast_dump.hpp"

#include "lang/token.hpp"

namespace lockstep::lang {

namespace {

class Dumper {
public:
    std::string out;

    void node(const Node* n) {
        if (!n) {
            out += '_';
            return;
        }
        switch (n->kind) {
        case NodeKind::Ident: out += static_cast<const Ident*>(n)->name; break;
        case NodeKind::BasicLit: out += static_cast<const BasicLit*>(n)->text; break;
        case NodeKind::CompositeLit: {
            auto* x = static_cast<const CompositeLit*>(n);
            open("complit");
            item(x->type_expr);
            for (auto* e : x->elts) item(e);
            close();
            break;
        }
        case NodeKind::FuncLit: {
            auto* x = static_cast<const FuncLit*>(n);
            open("funclit");
            item(x->sig);
            item(x->body);
            close();
            break;
        }
        case NodeKind::ParenExpr: form("paren", static_cast<const ParenExpr*>(n)->x); break;
        case NodeKind::SelectorExpr: {
            auto* x = static_cast<const SelectorExpr*>(n);
            form("sel", x->x, x->sel);
            break;
        }
        case NodeKind::IndexExpr: {
            auto* x = static_cast<const IndexExpr*>(n);
            form("index", x->x, x->index);
            break;
        }
        case NodeKind::SliceExpr: {
            auto* x = static_cast<const SliceExpr*>(n);
            open("slice");
            item(x->x);
            item(x->low);
            item(x->high);
            if (x->slice3) item(x->max);
            close();
            break;
        }
        case NodeKind::TypeAssertExpr: {
            auto* x = static_cast<const TypeAssertExpr*>(n);
            open("assert");
            item(x->x);
            if (x->type_expr) item(x->type_expr);
            else out += " type";
            close();
            break;
        }
        case NodeKind::CallExpr: {
            auto* x = static_cast<const CallExpr*>(n);
            open("call");
            item(x->fun);
            for (auto* a : x->args) item(a);
            if (x->has_ellipsis) out += " ...";
            close();
            break;
        }
        case NodeKind::StarExpr: form("*", static_cast<const StarExpr*>(n)->x); break;
        case NodeKind::UnaryExpr: {
            auto* x = static_cast<const UnaryExpr*>(n);
            open(tok_text(x->op));
            item(x->x);
            close();
            break;
        }
        case NodeKind::BinaryExpr: {
            auto* x = static_cast<const BinaryExpr*>(n);
            open(tok_text(x->op));
            item(x->x);
            item(x->y);
            close();
            break;
        }
        case NodeKind::KeyValueExpr: {
            auto* x = static_cast<const KeyValueExpr*>(n);
            form("kv", x->key, x->value_expr);
            break;
        }
        case NodeKind::ArrayType: {
            auto* x = static_cast<const ArrayType*>(n);
            if (x->is_slice()) {
                form("[]", x->elem);
            } else {
                open("array");
                if (x->dots) out += " ...";
                else item(x->len);
                item(x->elem);
                close();
            }
            break;
        }
        case NodeKind::StructType: {
            open("struct");
            for (auto& f : static_cast<const StructType*>(n)->fields) {
                out += ' ';
                field(f);
            }
            close();
            break;
        }
        case NodeKind::FuncType: {
            auto* x = static_cast<const FuncType*>(n);
            open("func");
            fields("params", x->params);
            fields("results", x->results);
            close();
            break;
        }
        case NodeKind::InterfaceType: {
            open("interface");
            for (auto& f : static_cast<const InterfaceType*>(n)->methods) {
                out += ' ';
                field(f);
            }
            close();
            break;
        }
        case NodeKind::MapType: {
            auto* x = static_cast<const MapType*>(n);
            form("map", x->key, x->elem);
            break;
        }
        case NodeKind::ChanType: {
            auto* x = static_cast<const ChanType*>(n);
            form(x->dir == ChanDir::Both ? "chan" : x->dir == ChanDir::Send ? "chan<-" : "<-chan", x->elem);
            break;
        }
        case NodeKind::Ellipsis: form("...", static_cast<const Ellipsis*>(n)->elt); break;
        case NodeKind::DeclStmt: node(static_cast<const DeclStmt*>(n)->decl); break;
        case NodeKind::EmptyStmt: out += "(empty)"; break;
        case NodeKind::LabeledStmt: {
            auto* x = static_cast<const LabeledStmt*>(n);
            form("label", x->label, x->stmt);
            break;
        }
        case NodeKind::ExprStmt: form("expr", static_cast<const ExprStmt*>(n)->x); break;
        case NodeKind::SendStmt: {
            auto* x = static_cast<const SendStmt*>(n);
            form("send", x->chan, x->value);
            break;
        }
        case NodeKind::IncDecStmt: {
            auto* x = static_cast<const IncDecStmt*>(n);
            form(x->inc ? "++" : "--", x->x);
            break;
        }
        case NodeKind::AssignStmt: {
            auto* x = static_cast<const AssignStmt*>(n);
            open(tok_text(x->op));
            list(x->lhs);
            list(x->rhs);
            close();
            break;
        }
        case NodeKind::GoStmt: form("go", static_cast<const GoStmt*>(n)->call); break;
        case NodeKind::DeferStmt: form("defer", static_cast<const DeferStmt*>(n)->call); break;
        case NodeKind::ReturnStmt: {
            open("return");
            for (auto* r : static_cast<const ReturnStmt*>(n)->results) item(r);
            close();
            break;
        }
        case NodeKind::BranchStmt: {
            auto* x = static_cast<const BranchStmt*>(n);
            open(tok_text(x->tok));
            if (x->label) item(x->label);
            close();
            break;
        }
        case NodeKind::BlockStmt: {
            open("block");
            for (auto* s : static_cast<const BlockStmt*>(n)->stmts) item(s);
            close();
            break;
        }
        case NodeKind::IfStmt: {
            auto* x = static_cast<const IfStmt*>(n);
            open("if");
            item(x->init);
            item(x->cond);
            item(x->then);
            if (x->els) item(x->els);
            close();
            break;
        }
        case NodeKind::CaseClause: {
            auto* x = static_cast<const CaseClause*>(n);
            open(x->is_default ? "default" : "case");
            if (!x->is_default) list(x->list);
            for (auto* s : x->body) item(s);
            close();
            break;
        }
        case NodeKind::SwitchStmt: {
            auto* x = static_cast<const SwitchStmt*>(n);
            open("switch");
            item(x->init);
            item(x->tag);
            for (auto* c : x->clauses) item(c);
            close();
            break;
        }
        case NodeKind::TypeSwitchStmt: {
            auto* x = static_cast<const TypeSwitchStmt*>(n);
            open("typeswitch");
            item(x->init);
            item(x->bind);
            item(x->subject);
            for (auto* c : x->clauses) item(c);
            close();
            break;
        }
        case NodeKind::CommClause: {
            auto* x = static_cast<const CommClause*>(n);
            open(x->comm ? "comm" : "default");
            if (x->comm) item(x->comm);
            for (auto* s : x->body) item(s);
            close();
            break;
        }
        case NodeKind::SelectStmt: {
            open("select");
            for (auto* c : static_cast<const SelectStmt*>(n)->clauses) item(c);
            close();
            break;
        }
        case NodeKind::ForStmt: {
            auto* x = static_cast<const ForStmt*>(n);
            open("for");
            item(x->init);
            item(x->cond);
            item(x->post);
            item(x->body);
            close();
            break;
        }
        case NodeKind::RangeStmt: {
            auto* x = static_cast<const RangeStmt*>(n);
            open("range");
            item(x->key);
            item(x->value);
            out += x->define ? " :=" : " =";
            item(x->x);
            item(x->body);
            close();
            break;
        }
        case NodeKind::GenDecl: gen_decl(static_cast<const GenDecl*>(n)); break;
        case NodeKind::FuncDecl: {
            auto* x = static_cast<const FuncDecl*>(n);
            open("funcdecl");
            if (x->recv) {
                out += ' ';
                field(*x->recv);
            }
            item(x->name);
            item(x->sig);
            item(x->body);
            close();
            break;
        }
        }
    }

private:
    void open(std::string_view head) {
        out += '(';
        out += head;
    }
    void close() { out += ')'; }
    void item(const Node* n) {
        out += ' ';
        node(n);
    }
    void form(std::string_view head, const Node* a, const Node* b = nullptr) {
        open(head);
        item(a);
        if (b) item(b);
        close();
    }
    template <class T> void list(const std::vector<T*>& xs) {
        out += " (";
        for (size_t i = 0; i < xs.size(); ++i) {
            if (i) out += ' ';
            node(xs[i]);
        }
        out += ')';
    }
    // (field a b T) / (field T) for an embedded one / (field a ...T) / with tag last.
    void field(const Field& f) {
        out += "(field";
        for (auto* n : f.names) item(n);
        out += ' ';
        if (f.variadic) out += "...";
        node(f.type);
        if (!f.tag.empty()) {
            out += ' ';
            out += f.tag;
        }
        out += ')';
    }
    void fields(std::string_view head, const std::vector<Field>& fs) {
        if (fs.empty()) return;
        out += " (";
        out += head;
        for (auto& f : fs) {
            out += ' ';
            field(f);
        }
        out += ')';
    }
    void gen_decl(const GenDecl* d) {
        switch (d->decl) {
        case DeclKind::Import:
            open("import");
            for (auto& s : d->imports) {
                out += " (";
                if (s.name) out += s.name->name + " ";
                out += '"' + s.path + "\")";
            }
            close();
            break;
        case DeclKind::Const:
        case DeclKind::Var:
            open(d->decl == DeclKind::Const ? "const" : "var");
            for (auto& s : d->values) {
                out += " (";
                for (size_t i = 0; i < s.names.size(); ++i) {
                    if (i) out += ' ';
                    node(s.names[i]);
                }
                item(s.type);
                list(s.values);
                if (d->decl == DeclKind::Const) out += " iota=" + std::to_string(s.iota);
                out += ')';
            }
            close();
            break;
        case DeclKind::Type:
            open("type");
            for (auto& s : d->types) {
                out += " (";
                node(s.name);
                if (s.alias) out += " =";
                item(s.type);
                out += ')';
            }
            close();
            break;
        }
    }
};

}  // namespace

std::string dump(const Node* node) {
    Dumper d;
    d.node(node);
    return std::move(d.out);
}

std::string dump(const File& file) {
    Dumper d;
    d.out = "(file ";
    d.node(file.package_name);
    for (auto* decl : file.decls) {
        d.out += ' ';
        d.node(decl);
    }
    d.out += ')';
    return std::move(d.out);
}

}  // namespace lockstep::lang
