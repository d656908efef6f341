package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads one sheet (the first unless told otherwise) of a legacy XLS workbook. The format
 * caps a sheet at 65,536 rows, so loading it whole through HSSF is acceptable.
 */
final class XlsReader implements TabularReader {

	private final HSSFWorkbook workbook;

	private final Iterator<Row> rows;

	private final DataFormatter formatter = new DataFormatter(java.util.Locale.FRANCE);

	private final List<String> header;

	private final SpreadsheetNumbering numbering = new SpreadsheetNumbering();

	// 0-based position in the sheet of the row read last, and of the header
	private int position = -1;

	private int headerPosition;

	XlsReader(InputStream in) throws IOException {
		this(in, 0);
	}

	XlsReader(InputStream in, int sheetIndex) throws IOException {
		try {
			this.workbook = new HSSFWorkbook(in);
		}
		catch (RuntimeException ex) {
			throw unreadable(ex);
		}
		if (sheetIndex >= this.workbook.getNumberOfSheets()) {
			this.workbook.close();
			throw new IOException("Workbook without sheet " + sheetIndex);
		}
		Sheet sheet = this.workbook.getSheetAt(sheetIndex);
		this.rows = sheet.iterator();
		List<String> first = nextCells();
		while (first != null && SpreadsheetNumbering.empty(first)) {
			first = nextCells();
		}
		this.header = (first != null) ? first : List.of();
		this.headerPosition = this.position;
	}

	/** The positions of the sheets a workbook hides. */
	static Set<Integer> hiddenSheets(InputStream in) throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook(in)) {
			Set<Integer> hidden = new HashSet<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				if (workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i)) {
					hidden.add(i);
				}
			}
			return hidden;
		}
		catch (RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	/** The names of the workbook's sheets, in order. */
	static List<String> sheetNames(InputStream in) throws IOException {
		try (HSSFWorkbook workbook = new HSSFWorkbook(in)) {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				names.add(workbook.getSheetName(i));
			}
			return names;
		}
		catch (RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * Why the workbook cannot be read. A workbook saved with a password to open it (an
	 * XLSX so is an encrypted package in the XLS container) says so, for the user to
	 * remove the password rather than save the file again.
	 */
	private static IOException unreadable(RuntimeException ex) {
		return (ex instanceof EncryptedDocumentException) ? new PasswordProtected(ex)
				: new IOException("Unreadable XLS workbook", ex);
	}

	/** A workbook that opens with a password only. */
	static final class PasswordProtected extends IOException {

		PasswordProtected(Throwable cause) {
			super("Workbook protected by a password", cause);
		}

	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable SourceRow next() throws IOException {
		return this.numbering.next(this::nextWithData);
	}

	private @Nullable SourceRow nextWithData() {
		List<String> cells = nextCells();
		while (cells != null && SpreadsheetNumbering.empty(cells)) {
			cells = nextCells();
		}
		if (cells == null) {
			return null;
		}
		return new SourceRow(this.position - this.headerPosition, cells, CsvLine.of(cells), null);
	}

	private @Nullable List<String> nextCells() {
		if (!this.rows.hasNext()) {
			return null;
		}
		Row row = this.rows.next();
		this.position = row.getRowNum();
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
			Cell cell = row.getCell(i);
			if (cell == null) {
				cells.add("");
			}
			else {
				cells.add(NulCharacters.without(text(cell)));
			}
		}
		return cells;
	}

	/**
	 * A cell as the sheet shows it; a formula by the value the spreadsheet last computed
	 * and saved with it (as the XLSX reader does), not by its text.
	 */
	private String text(Cell cell) {
		CellType type = (cell.getCellType() == CellType.FORMULA) ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			// a date is a number the sheet shows as a date: read as shown, not as its
			// serial
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? SpreadsheetDates.text(cell.getNumericCellValue())
					: java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case STRING -> cell.getRichStringCellValue().getString();
			// as the XLSX reader reads them: as French Excel shows them
			case BOOLEAN -> cell.getBooleanCellValue() ? "VRAI" : "FAUX";
			case ERROR -> error(cell);
			default -> this.formatter.formatCellValue(cell);
		};
	}

	/**
	 * An error value ("#VALUE!", "#REF!") as the sheet shows it and the XLSX reader reads
	 * it, for the import to read it as no value ({@link Placeholders}).
	 */
	private static String error(Cell cell) {
		try {
			return FormulaError.forInt(cell.getErrorCellValue()).getString();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	@Override
	public void close() throws IOException {
		this.workbook.close();
	}

}
