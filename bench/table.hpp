// A plain-text table for the benchmark's figures: right-aligned columns sized to their
// widest cell, a rule under the header.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace lockstep::bench {

class Table {
public:
    explicit Table(std::vector<std::string> header) : m_rows{std::move(header)} {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    void print(std::ostream& out) const;

private:
    std::vector<std::vector<std::string>> m_rows;  // the header first
};

// Figures as the table shows them: "2520", "1.2M", "0.034", "—" for none.
std::string count(uint64_t n);
std::string seconds(double s);
std::string rate(double per_second);
std::string ratio(double r);

}  // namespace lockstep::bench
