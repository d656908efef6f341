package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.prospects.ProspectsExported;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.tenancy.Members;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports agencies as CSV (UTF-8 with BOM, semicolons, as French Excel expects) or XLSX
 * (streamed, 100 rows in memory). A cell that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe.
 * Every export is audited ({@link ProspectsExported}).
 *
 * <p>
 * Two versions of the same columns (ADR 0085): for tools (the API's), the keys of
 * {@link #HEADER} and values as stored (E.164 phones, bare SIRETs, ISO instants); for
 * people (the pages' download), headers in the reader's language that the import reads
 * back as the same fields, and values as the pages show them: French phones as dialled
 * ("06 12 34 56 78", which needs no escaping), other countries' in international format,
 * SIRETs in groups, dates in Paris time, statuses and specialties in words, and in French
 * decimal commas.
 */
@Service
public class ProspectExport {

	static final List<String> HEADER = List.of("id", "name", "trade_name", "siren", "siret", "naf", "address",
			"postcode", "city", "department", "website", "emails", "phones", "specialty", "listing_count",
			"revenue_eur", "headcount_band", "tags", "status", "owner", "created_at", "specialties", "headcount_min",
			"headcount_max", "headcount");

	/**
	 * The people's columns: the tools' but the last, {@code headcount}, which their
	 * "Effectif" column already is (the import reads it as a count). The tools keep
	 * {@code headcount_band} as it was for those that read it, but the import reads a
	 * column so named as INSEE's codes ("12" is 20 to 49 people): the headcount as stored
	 * is repeated under {@code headcount}, which the import reads as a count and prefers,
	 * so the tools' export comes back in with the headcount it went out with.
	 */
	private static final List<String> READABLE_HEADER = HEADER.subList(0, HEADER.size() - 1);

	private final ProspectSearch search;

	private final Members members;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	ProspectExport(ProspectSearch search, Members members, TransactionTemplate transactions,
			ApplicationEventPublisher events, MessageSource messages) {
		this.search = search;
		this.messages = messages;
		this.members = members;
		this.transactions = transactions;
		this.reads = new TransactionTemplate(transactions.getTransactionManager());
		this.reads.setReadOnly(true);
		this.events = events;
	}

	/**
	 * Writes the agencies the query chooses as CSV, and audits the export
	 * ({@code filters}: the list's parameters that chose them) with the number of rows
	 * written, even when the download broke off: what left is on record.
	 */
	public void csv(ProspectQuery query, Map<String, String> filters, OutputStream out) {
		csv(query, filters, null, out);
	}

	/**
	 * As {@link #csv(ProspectQuery, Map, OutputStream)}, for people reading
	 * {@code language} when it is given (see the class's comment): its headers and values
	 * in that language, with the separator its Excel expects (semicolons in French,
	 * commas in English).
	 */
	public void csv(ProspectQuery query, Map<String, String> filters, @Nullable Locale language, OutputStream out) {
		check(query);
		long[] written = { 0 };
		try {
			this.reads.executeWithoutResult((tx) -> writeCsv(query, language, out, written));
		}
		finally {
			audit("csv", written[0], filters);
		}
	}

	/** As {@link #csv}, as an XLSX workbook. */
	public void xlsx(ProspectQuery query, Map<String, String> filters, OutputStream out) {
		xlsx(query, filters, null, out);
	}

	/** As {@link #csv(ProspectQuery, Map, Locale, OutputStream)}, as an XLSX workbook. */
	public void xlsx(ProspectQuery query, Map<String, String> filters, @Nullable Locale language, OutputStream out) {
		check(query);
		long[] written = { 0 };
		try {
			this.reads.executeWithoutResult((tx) -> writeXlsx(query, language, out, written));
		}
		finally {
			audit("xlsx", written[0], filters);
		}
	}

	/**
	 * A search the list cannot read is refused before anything is written or audited: no
	 * entry says an export took place that never began.
	 */
	private void check(ProspectQuery query) {
		this.reads.executeWithoutResult((tx) -> this.search.check(query));
	}

	private void writeCsv(ProspectQuery query, @Nullable Locale language, OutputStream out, long[] written) {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		boolean french = language == null || "fr".equals(language.getLanguage());
		char separator = french ? ';' : ',';
		try {
			writer.write('\uFEFF');
			writer.write(line(separator, header(language)));
			Map<UUID, String> owners = this.members.emailsById();
			this.search.each(query, (agency) -> {
				try {
					List<String> cells = (language != null) ? readableCells(agency, owners, language)
							: cells(agency, owners);
					if (language != null && french) {
						cells = decimalCommas(cells);
					}
					writer.write(line(separator, cells));
					written[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeXlsx(ProspectQuery query, @Nullable Locale language, OutputStream out, long[] written) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("Prospects");
			write(sheet.createRow(0), header(language));
			int[] next = { 1 };
			Map<UUID, String> owners = this.members.emailsById();
			this.search.each(query, (agency) -> {
				write(sheet.createRow(next[0]++),
						(language != null) ? readableCells(agency, owners, language) : cells(agency, owners));
				written[0]++;
			});
			workbook.write(out);
			workbook.dispose();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * In a short transaction of its own: the audit log's chain is held until its entry
	 * commits, and an export of the whole base takes seconds.
	 */
	private void audit(String format, long agencies, Map<String, String> filters) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(
				new ProspectsExported(CurrentTenant.require(), UUID.randomUUID(), format, agencies, filters)));
	}

	/** The columns a spreadsheet sums and sorts as numbers. */
	private static final Set<String> NUMBERS = Set.of("listing_count", "revenue_eur", "headcount_min", "headcount_max");

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			String value = cells.get(i);
			if (row.getRowNum() > 0 && !value.isEmpty() && NUMBERS.contains(HEADER.get(i))) {
				row.createCell(i).setCellValue(new BigDecimal(value).doubleValue());
			}
			else {
				row.createCell(i).setCellValue(value);
			}
		}
	}

	/** The first line: the keys for tools, the columns' names in people's language. */
	List<String> header(@Nullable Locale language) {
		if (language == null) {
			return HEADER;
		}
		return READABLE_HEADER.stream()
			.map((key) -> this.messages.getMessage("prospects.export.column." + key, null, key, language))
			.toList();
	}

	/**
	 * An agency's cells as people read them (see the class's comment); the numbers stay
	 * written with a dot, which the XLSX reads and the French CSV turns into a comma.
	 */
	List<String> readableCells(Summary agency, Map<UUID, String> owners, Locale language) {
		return List.of(agency.id().toString(), safe(agency.name()), safe(agency.tradeName()),
				safe(grouped(agency.siren())), safe(grouped(agency.siret())), safe(agency.naf()),
				safe(agency.address()), safe(agency.postcode()), safe(agency.city()), safe(agency.department()),
				safe(agency.website()), safe(String.join(", ", agency.emails())),
				// several numbers as the French write them, which the import splits again
				safe(agency.phones().stream().map(ProspectSearch.Phone::display).collect(Collectors.joining(" / "))),
				safe(agency.specialty()), (agency.listingCount() != null) ? agency.listingCount().toString() : "",
				(agency.revenueCents() != null)
						? BigDecimal.valueOf(agency.revenueCents(), 2).stripTrailingZeros().toPlainString() : "",
				safe(agency.headcountBand()), safe(String.join(", ", agency.tags())),
				word("prospects.status." + agency.status(), language),
				(agency.owner() != null) ? safe(owners.getOrDefault(agency.owner(), agency.owner().toString())) : "",
				(agency.createdAt() != null) ? DateTimeFormatter
					.ofPattern("fr".equals(language.getLanguage()) ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm")
					.format(agency.createdAt().atZone(PARIS)) : "",
				safe(agency.specialties()
					.stream()
					.map((code) -> Specialty.named(code)
						.map((specialty) -> word(specialty.labelCode(), language))
						.orElse(code))
					.collect(Collectors.joining(" · "))),
				headcountEnd(agency.headcount(), Headcount::min), headcountEnd(agency.headcount(), Headcount::max));
	}

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private String word(String code, Locale language) {
		return this.messages.getMessage(code, null, code, language);
	}

	/** The numbers' decimal point as a French spreadsheet reads it. */
	private static List<String> decimalCommas(List<String> cells) {
		List<String> written = new java.util.ArrayList<>(cells);
		for (int i = 0; i < written.size(); i++) {
			if (NUMBERS.contains(HEADER.get(i))) {
				written.set(i, written.get(i).replace('.', ','));
			}
		}
		return written;
	}

	/**
	 * A SIREN or SIRET in groups, as the French write it ("732 829 320 00074"): a
	 * spreadsheet keeps that as text, where it shows 14 bare digits as "7,32829E+13".
	 */
	public static @Nullable String grouped(@Nullable String number) {
		if (number == null || !number.chars().allMatch(Character::isDigit)) {
			return number;
		}
		if (number.length() == 9) {
			return number.substring(0, 3) + ' ' + number.substring(3, 6) + ' ' + number.substring(6);
		}
		if (number.length() == 14) {
			return grouped(number.substring(0, 9)) + ' ' + number.substring(9);
		}
		return number;
	}

	static List<String> cells(Summary agency, Map<UUID, String> owners) {
		return List.of(agency.id().toString(), safe(agency.name()), safe(agency.tradeName()), safe(agency.siren()),
				safe(agency.siret()), safe(agency.naf()), safe(agency.address()), safe(agency.postcode()),
				safe(agency.city()), safe(agency.department()), safe(agency.website()),
				safe(String.join(" ", agency.emails())),
				safe(agency.phones().stream().map(ProspectSearch.Phone::number).collect(Collectors.joining(" "))),
				safe(agency.specialty()), (agency.listingCount() != null) ? agency.listingCount().toString() : "",
				(agency.revenueCents() != null) ? BigDecimal.valueOf(agency.revenueCents(), 2).toPlainString() : "",
				safe(agency.headcountBand()), safe(String.join(",", agency.tags())), agency.status(),
				(agency.owner() != null) ? safe(owners.getOrDefault(agency.owner(), agency.owner().toString())) : "",
				(agency.createdAt() != null) ? agency.createdAt().toString() : "",
				String.join(",", agency.specialties()), headcountEnd(agency.headcount(), Headcount::min),
				headcountEnd(agency.headcount(), Headcount::max), safe(agency.headcountBand()));
	}

	/**
	 * One end of the range the headcount text says, empty when it says none or no end.
	 */
	private static String headcountEnd(@Nullable Headcount range, Function<Headcount, @Nullable Integer> end) {
		Integer value = (range != null) ? end.apply(range) : null;
		return (value != null) ? value.toString() : "";
	}

	/** Neutralises spreadsheet formulas: the value is shown as text, not run. */
	static String safe(@Nullable String value) {
		return CsvLine.formulaSafe(value);
	}

	private static String line(char separator, List<String> cells) {
		return CsvLine.of(separator, cells) + "\r\n";
	}

}
