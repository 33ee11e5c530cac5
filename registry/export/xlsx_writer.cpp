#include "registry/export/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include "registry/error.hpp"

namespace numreg {

namespace {

struct Formats {
  lxw_format* header;
  lxw_format* date;
  lxw_format* text;
};

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell,
                const Formats& f) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    // A string cell is never read as a formula, whatever it starts with.
    worksheet_write_string(ws, row, col, s->c_str(), f.text);
  } else if (const auto* n = std::get_if<int64_t>(&cell)) {
    worksheet_write_number(ws, row, col, static_cast<double>(*n), nullptr);
  } else if (const auto* d = std::get_if<Date>(&cell)) {
    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
    worksheet_write_datetime(ws, row, col, &dt, f.date);
  }
}

void write_part(lxw_workbook* wb, const SheetPart& part, const std::string& caption,
                const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, part.name.c_str());
  // The plan and seed head every printed page; "&" is the header's escape.
  std::string header = "&L";
  for (char c : caption)
    header += c == '&' ? std::string("&&") : std::string(1, c);
  worksheet_set_header(ws, (header + "&R&P/&N").c_str());
  worksheet_set_landscape(ws);
  worksheet_repeat_rows(ws, 0, 0);
  for (size_t c = 0; c < part.columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, part.columns[c].width, nullptr);
    worksheet_write_string(ws, 0, col, part.columns[c].header.c_str(), f.header);
  }
  for (size_t r = 0; r < part.rows.size(); ++r) {
    for (size_t c = 0; c < part.rows[r].size(); ++c) {
      write_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), part.rows[r][c], f);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(part.rows.size()),
                       static_cast<lxw_col_t>(part.columns.size() - 1));
}

}  // namespace

void write_xlsx(const std::string& path, const std::vector<const SheetPart*>& parts,
                const std::string& caption) {
  // Rows go to a temporary file as they are written, so memory does not
  // grow with the sheet.
  lxw_workbook_options options{LXW_TRUE, nullptr, LXW_FALSE};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) {
    throw Failure(
        make_error(ErrorKind::cant_create, "output", fmt::format("cannot create {}", path)));
  }
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_num_format(f.text, "@");
  for (const SheetPart* part : parts)
    write_part(wb, *part, caption, f);
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) {
    throw Failure(make_error(ErrorKind::cant_create, "output",
                             fmt::format("cannot write {}: {}", path, lxw_strerror(rc))));
  }
}

}  // namespace numreg
