// Sheets of typed cells as an XLSX workbook (libxlsxwriter): the audit sheet
// and `export --format xlsx`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "registry/export/sheet_part.hpp"
#include "registry/export/sheet_writer.hpp"

struct lxw_workbook;
struct lxw_worksheet;

namespace numreg {

/// A workbook written sheet by sheet and row by row as write_xlsx describes:
/// rows go to a temporary file as they come, so memory does not grow with
/// them. Throws a cant_create Failure when the file cannot be created.
class XlsxWriter : public SheetWriter {
 public:
  XlsxWriter(const std::string& path, const PageCaption& caption);
  ~XlsxWriter() override;
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  void begin(const SheetPart& part) override;
  void row(const std::vector<Cell>& cells) override;
  void end() override;
  /// Write the workbook out; throws a cant_create Failure when it cannot.
  void close();

 private:
  struct Formats;
  std::string path_;
  PageCaption caption_;
  lxw_workbook* wb_ = nullptr;
  std::unique_ptr<Formats> table_;
  std::unique_ptr<Formats> form_;
  lxw_worksheet* ws_ = nullptr;
  SheetPart part_;  // the current sheet, without rows
  size_t rows_ = 0;
};

/// Write `parts` to a new workbook at `path`, one worksheet each in order:
/// header row frozen and filtered, column widths set, text cells typed as
/// text (never a formula), dates as dates, long text wrapped where its
/// column says. Each sheet is set up to print on A4 landscape one page wide
/// (a form on one page), its header row repeated and `caption` heading and
/// footing every page. Throws a cant_create Failure when the file cannot be
/// written.
void write_xlsx(const std::string& path, const std::vector<const SheetPart*>& parts,
                const PageCaption& caption);

}  // namespace numreg
