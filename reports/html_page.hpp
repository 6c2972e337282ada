// The fixed parts of the HTML report: its style sheet and its script (html_page.cpp).
#pragma once

#include <string_view>

namespace lockstep::reports {

std::string_view html_style();
std::string_view html_script();

}  // namespace lockstep::reports
