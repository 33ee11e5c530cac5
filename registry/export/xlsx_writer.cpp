#include "registry/export/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <algorithm>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/export/row_height.hpp"

namespace numreg {

namespace {

struct Formats {
  lxw_format* header;  // the header row: bold and shaded
  lxw_format* text;    // typed text
  lxw_format* date;
  lxw_format* number;
};

// Text wraps within its column, so that nothing runs under the next cell,
// where paper would hide it; every cell sits at the top of its row, so that
// a row made tall by wrapped text still reads across. A table's dates and
// numbers are centred, clear of the text beside them; a form's sit left,
// under its text values.
Formats make_formats(lxw_workbook* wb, SheetLayout layout) {
  Formats f{workbook_add_format(wb), workbook_add_format(wb), workbook_add_format(wb),
            workbook_add_format(wb)};
  for (lxw_format* format : {f.header, f.text, f.date, f.number})
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDEBF7);
  format_set_text_wrap(f.header);
  format_set_num_format(f.text, "@");
  format_set_text_wrap(f.text);
  format_set_num_format(f.date, "yyyy-mm-dd");
  const auto align = layout == SheetLayout::form ? LXW_ALIGN_LEFT : LXW_ALIGN_CENTER;
  format_set_align(f.date, align);
  format_set_align(f.number, align);
  return f;
}

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& cell,
                const Formats& f) {
  if (const auto* s = std::get_if<std::string>(&cell)) {
    // A string cell is never read as a formula, whatever it starts with.
    worksheet_write_string(ws, row, col, s->c_str(), f.text);
  } else if (const auto* n = std::get_if<int64_t>(&cell)) {
    worksheet_write_number(ws, row, col, static_cast<double>(*n), f.number);
  } else if (const auto* d = std::get_if<Date>(&cell)) {
    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
    worksheet_write_datetime(ws, row, col, &dt, f.date);
  }
}

// The longest header or footer Excel takes, in characters (code points),
// its codes among them.
constexpr size_t kCaptionMax = 255;

size_t code_points(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// `text` as a header or footer section of at most `budget` characters: "&"
// is the codes' escape, so a literal one is doubled; a text too long is cut
// at a character and ends in "...".
std::string caption_section(std::string_view text, size_t budget) {
  std::string out;
  size_t used = 0;
  size_t fits = 0;  // bytes of `out` that leave room for "..."
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80)
      ++len;
    bool ampersand = text[i] == '&';
    out += ampersand ? std::string_view("&&") : text.substr(i, len);
    used += ampersand ? 2 : 1;
    if (used + 3 <= budget)
      fits = out.size();
    i += len;
  }
  return used <= budget ? out : out.substr(0, fits) + "...";
}

// The sheet prints on A4 landscape, fitted one page wide (a form: on one
// page), its header row on every page, gridlines drawn for the inspector's
// pen; the caption heads and foots each page with the sheet's name and
// "page N of M".
void set_up_page(lxw_worksheet* ws, const SheetPart& part, const PageCaption& caption) {
  constexpr uint8_t kA4 = 9;
  worksheet_set_paper(ws, kA4);
  worksheet_set_landscape(ws);
  worksheet_set_margins(ws, 0.3, 0.3, 0.7, 0.7);  // inches
  worksheet_fit_to_pages(ws, 1, part.layout == SheetLayout::form ? 1 : 0);
  worksheet_repeat_rows(ws, 0, 0);
  worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
  const std::string sheet = "&R&A";
  const std::string page = caption.chinese ? "&R第 &P 页，共 &N 页" : "&Rpage &P of &N";
  std::string header =
      "&L" + caption_section(caption.header, kCaptionMax - 2 - code_points(sheet)) + sheet;
  std::string footer =
      "&L" + caption_section(caption.footer, kCaptionMax - 2 - code_points(page)) + page;
  lxw_header_footer_options margins{0.3};
  if (worksheet_set_header_opt(ws, header.c_str(), &margins) != LXW_NO_ERROR ||
      worksheet_set_footer_opt(ws, footer.c_str(), &margins) != LXW_NO_ERROR) {
    throw Failure(make_error(ErrorKind::internal, "output",
                             fmt::format("page header or footer refused: {}", header)));
  }
}

}  // namespace

struct XlsxWriter::Formats : numreg::Formats {};

XlsxWriter::XlsxWriter(const std::string& path, const PageCaption& caption)
    : path_(path), caption_(caption) {
  // Rows go to a temporary file as they are written, so memory does not
  // grow with the sheet.
  lxw_workbook_options options{LXW_TRUE, nullptr, LXW_FALSE};
  wb_ = workbook_new_opt(path.c_str(), &options);
  if (!wb_) {
    throw Failure(
        make_error(ErrorKind::cant_create, "output", fmt::format("cannot create {}", path)));
  }
  table_ = std::make_unique<Formats>(Formats{make_formats(wb_, SheetLayout::table)});
  form_ = std::make_unique<Formats>(Formats{make_formats(wb_, SheetLayout::form)});
}

XlsxWriter::~XlsxWriter() {
  if (wb_)
    workbook_close(wb_);
}

void XlsxWriter::begin(const SheetPart& part) {
  part_ = SheetPart{part.name, part.columns, {}, part.layout, part.min_row_height};
  rows_ = 0;
  const Formats& f = part.layout == SheetLayout::form ? *form_ : *table_;
  ws_ = workbook_add_worksheet(wb_, part.name.c_str());
  set_up_page(ws_, part, caption_);
  for (size_t c = 0; c < part.columns.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    // Text typed in on screen (the inspector's columns) wraps as the rest does.
    worksheet_set_column(ws_, col, col, part.columns[c].width, f.text);
    worksheet_write_string(ws_, 0, col, part.columns[c].header.c_str(), f.header);
  }
  std::vector<Cell> headers;
  for (const auto& column : part.columns)
    headers.emplace_back(column.header);
  worksheet_set_row(ws_, 0, row_height(headers, part.columns, true), nullptr);
}

void XlsxWriter::row(const std::vector<Cell>& cells) {
  const Formats& f = part_.layout == SheetLayout::form ? *form_ : *table_;
  const auto r = static_cast<lxw_row_t>(++rows_);
  // Tall enough for the wrapped text, which would otherwise print cut off.
  double height = std::max(row_height(cells, part_.columns), part_.min_row_height);
  worksheet_set_row(ws_, r, height, nullptr);
  for (size_t c = 0; c < cells.size(); ++c)
    write_cell(ws_, r, static_cast<lxw_col_t>(c), cells[c], f);
}

void XlsxWriter::end() {
  worksheet_freeze_panes(ws_, 1, 0);
  worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(rows_),
                       static_cast<lxw_col_t>(part_.columns.size() - 1));
  ws_ = nullptr;
}

void XlsxWriter::close() {
  lxw_error rc = workbook_close(wb_);
  wb_ = nullptr;
  if (rc != LXW_NO_ERROR) {
    throw Failure(make_error(ErrorKind::cant_create, "output",
                             fmt::format("cannot write {}: {}", path_, lxw_strerror(rc))));
  }
}

void write_xlsx(const std::string& path, const std::vector<const SheetPart*>& parts,
                const PageCaption& caption) {
  XlsxWriter writer(path, caption);
  write_parts(writer, parts);
  writer.close();
}

}  // namespace numreg
