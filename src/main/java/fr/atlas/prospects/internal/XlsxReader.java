package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;

/**
 * Streams one sheet (the first unless told otherwise) of an XLSX workbook with a StAX
 * pull parser over the sheet XML that {@link XSSFReader} exposes: rows are read one at a
 * time, the workbook is never loaded whole (only its shared strings table is).
 */
final class XlsxReader implements TabularReader {

	private final OPCPackage workbook;

	private final InputStream sheet;

	private final XMLStreamReader xml;

	private final ReadOnlySharedStringsTable strings;

	private final @Nullable StylesTable styles;

	// whether each cell style shows a date, worked out once a style
	private final Map<Integer, Boolean> dateStyles = new HashMap<>();

	private final List<String> header;

	private final SpreadsheetNumbering numbering = new SpreadsheetNumbering();

	// 1-based position in the sheet of the row read last, and of the header
	private int position;

	// the columns of the row read last whose formula was saved without its result
	private Set<Integer> formulasWithoutValue = Set.of();

	private int headerPosition;

	XlsxReader(Path file) throws IOException {
		this(file, 0);
	}

	XlsxReader(Path file, int sheetIndex) throws IOException {
		try {
			this.workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(this.workbook);
			this.strings = new ReadOnlySharedStringsTable(this.workbook, false);
			this.styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			InputStream chosen = null;
			for (int i = 0; sheets.hasNext() && chosen == null; i++) {
				InputStream next = sheets.next();
				if (i == sheetIndex) {
					chosen = next;
				}
				else {
					next.close();
				}
			}
			if (chosen == null) {
				throw new IOException("Workbook without sheet " + sheetIndex);
			}
			this.sheet = chosen;
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			this.xml = factory.createXMLStreamReader(this.sheet);
			List<String> first = nextCells();
			while (first != null && SpreadsheetNumbering.empty(first)) {
				first = nextCells();
			}
			this.header = (first != null) ? first : List.of();
			this.headerPosition = this.position;
		}
		catch (OpenXML4JException | SAXException | XMLStreamException | RuntimeException ex) {
			throw new IOException("Unreadable XLSX workbook", ex);
		}
	}

	/** The positions of the sheets a workbook hides, in the order of its sheets. */
	static Set<Integer> hiddenSheets(Path file) throws IOException {
		OPCPackage workbook;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (OpenXML4JException | RuntimeException ex) {
			throw new IOException("Unreadable XLSX workbook", ex);
		}
		try (InputStream index = new XSSFReader(workbook).getWorkbookData()) {
			XMLInputFactory factory = XMLInputFactory.newFactory();
			factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
			factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
			XMLStreamReader xml = factory.createXMLStreamReader(index);
			Set<Integer> hidden = new HashSet<>();
			int position = 0;
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamReader.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
					String state = xml.getAttributeValue(null, "state");
					if ("hidden".equals(state) || "veryHidden".equals(state)) {
						hidden.add(position);
					}
					position++;
				}
			}
			return hidden;
		}
		catch (OpenXML4JException | XMLStreamException | RuntimeException ex) {
			throw new IOException("Unreadable XLSX workbook", ex);
		}
		finally {
			workbook.revert();
		}
	}

	/** The names of the workbook's sheets, in order, without reading their rows. */
	static List<String> sheetNames(Path file) throws IOException {
		OPCPackage workbook;
		try {
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (OpenXML4JException | RuntimeException ex) {
			throw new IOException("Unreadable XLSX workbook", ex);
		}
		// revert, not close: close() means "save" to POI and warns on a read-only package
		try {
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(workbook).getSheetsData();
			List<String> names = new ArrayList<>();
			while (sheets.hasNext()) {
				try (InputStream ignored = sheets.next()) {
					names.add(sheets.getSheetName());
				}
			}
			return names;
		}
		catch (OpenXML4JException | RuntimeException ex) {
			throw new IOException("Unreadable XLSX workbook", ex);
		}
		finally {
			workbook.revert();
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

	private @Nullable SourceRow nextWithData() throws IOException {
		try {
			List<String> cells = nextCells();
			while (cells != null && SpreadsheetNumbering.empty(cells)) {
				cells = nextCells();
			}
			if (cells == null) {
				return null;
			}
			return new SourceRow(this.position - this.headerPosition, cells, CsvLine.of(cells), null,
					this.formulasWithoutValue);
		}
		catch (XMLStreamException ex) {
			throw new IOException("Unreadable XLSX sheet", ex);
		}
	}

	private @Nullable List<String> nextCells() throws XMLStreamException {
		while (this.xml.hasNext()) {
			if (this.xml.next() == XMLStreamReader.START_ELEMENT && "row".equals(this.xml.getLocalName())) {
				// rows with nothing in them are often absent from the sheet: "r" says
				// where we are
				String reference = this.xml.getAttributeValue(null, "r");
				this.position = (reference != null) ? Integer.parseInt(reference) : this.position + 1;
				return readRow();
			}
		}
		return null;
	}

	private List<String> readRow() throws XMLStreamException {
		List<String> cells = new ArrayList<>();
		this.formulasWithoutValue = Set.of();
		int column = 0;
		String type = null;
		int style = 0;
		StringBuilder value = new StringBuilder();
		boolean inValue = false;
		boolean formula = false;
		boolean valued = false;
		while (this.xml.hasNext()) {
			int event = this.xml.next();
			if (event == XMLStreamReader.START_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("c".equals(name)) {
					String reference = this.xml.getAttributeValue(null, "r");
					if (reference != null) {
						column = columnIndex(reference);
					}
					type = this.xml.getAttributeValue(null, "t");
					String styleIndex = this.xml.getAttributeValue(null, "s");
					style = (styleIndex != null) ? Integer.parseInt(styleIndex) : 0;
					value.setLength(0);
					formula = false;
					valued = false;
				}
				else if ("v".equals(name) || "t".equals(name)) {
					inValue = true;
					valued = true;
				}
				else if ("f".equals(name)) {
					formula = true;
				}
			}
			else if ((event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) && inValue) {
				value.append(this.xml.getText());
			}
			else if (event == XMLStreamReader.END_ELEMENT) {
				String name = this.xml.getLocalName();
				if ("v".equals(name) || "t".equals(name)) {
					inValue = false;
				}
				else if ("c".equals(name)) {
					while (cells.size() < column) {
						cells.add("");
					}
					cells.add(NulCharacters.without(cellText(type, style, value.toString())));
					if (formula && !valued) {
						// written by a program that does not work formulas out (a script,
						// an export library): the result exists only once Excel saves the
						// file again; say so rather than read an empty cell in silence
						if (this.formulasWithoutValue.isEmpty()) {
							this.formulasWithoutValue = new LinkedHashSet<>();
						}
						this.formulasWithoutValue.add(cells.size() - 1);
					}
					column++;
				}
				else if ("row".equals(name)) {
					return cells;
				}
			}
		}
		return cells;
	}

	private String cellText(@Nullable String type, int style, String raw) {
		if ("s".equals(type)) {
			try {
				return this.strings.getItemAt(Integer.parseInt(raw.strip())).getString();
			}
			catch (RuntimeException ex) {
				return "";
			}
		}
		if ("b".equals(type)) {
			return "1".equals(raw) ? "VRAI" : "FAUX";
		}
		if (type == null || "n".equals(type)) {
			// numbers come as 1.2345678901234E13 for SIRETs typed as numbers
			try {
				BigDecimal number = new BigDecimal(raw.strip());
				// a date is a number the sheet shows as a date: read as shown, not as
				// its serial
				return shownAsDate(style) ? SpreadsheetDates.text(number.doubleValue())
						: number.stripTrailingZeros().toPlainString();
			}
			catch (NumberFormatException ex) {
				return raw;
			}
		}
		return raw;
	}

	private boolean shownAsDate(int style) {
		if (style == 0 || this.styles == null) {
			return false;
		}
		return this.dateStyles.computeIfAbsent(style, (index) -> {
			try {
				var format = this.styles.getCellXfAt(index);
				int id = (int) format.getNumFmtId();
				String pattern = this.styles.getNumberFormatAt((short) id);
				if (pattern == null) {
					pattern = BuiltinFormats.getBuiltinFormat(id);
				}
				return DateUtil.isADateFormat(id, pattern);
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	static int columnIndex(String reference) {
		int index = 0;
		for (int i = 0; i < reference.length(); i++) {
			char c = reference.charAt(i);
			if (c < 'A' || c > 'Z') {
				break;
			}
			index = index * 26 + (c - 'A' + 1);
		}
		return index - 1;
	}

	@Override
	public void close() throws IOException {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// closing anyway
		}
		this.sheet.close();
		this.workbook.revert();
	}

}
