package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.ImportDraftDiscarded;
import fr.atlas.prospects.ImportDraftUploaded;
import fr.atlas.prospects.ImportJobQueued;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts files for import: checks them whole before anything is stored (a bad file is
 * refused with a clear reason and nothing is written), stores them, and queues the job.
 *
 * <p>
 * The same file (same SHA-256, sheet and mapping) submitted again while an earlier import
 * of it is queued or running returns that earlier job (a client's retry); once it is
 * done, a job of its own that imports nothing, each row ending where the earlier import
 * put it (ADR 0055). Nothing is imported twice. A file whose import failed or was
 * cancelled can be submitted again.
 */
@Service
public class ProspectImports {

	/** Rows of the readable report whose agencies' names are looked up together. */
	private static final int READABLE_BATCH = 1_000;

	private final ImportJobs jobs;

	private final TransactionTemplate tx;

	private final RecordedRows recorded;

	private final ApplicationEventPublisher events;

	private final ProspectsProperties properties;

	private final Agencies agencies;

	private final JdbcClient jdbc;

	ProspectImports(ImportJobs jobs, TransactionTemplate tx, RecordedRows recorded, ApplicationEventPublisher events,
			ProspectsProperties properties, Agencies agencies, JdbcClient jdbc) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.tx = tx;
		this.recorded = recorded;
		this.events = events;
		this.properties = properties;
	}

	/**
	 * Checks, stores and queues a file ({@code start}), or keeps it as a draft for the
	 * wizard. Returns the job, the earlier job of the same file while that one is under
	 * way, or the repeat of the earlier one once it is done.
	 */
	public Submission submit(String fileName, InputStream content, Map<String, String> overrides,
			@Nullable UUID submittedBy, boolean start) {
		return submit(fileName, content, overrides, submittedBy, start, null);
	}

	/**
	 * Queues a file unless it was imported before, in which case the earlier job is
	 * returned and nothing is recorded: for a file the application itself brings at each
	 * start (the demo's).
	 */
	public Submission submitOnce(String fileName, InputStream content) {
		return submit(fileName, content, Map.of(), null, true, null, false);
	}

	/**
	 * Same as {@link #submit(String, InputStream, Map, UUID, boolean)}, reading the given
	 * sheet of a workbook: its name, or its 1-based position; the first sheet when
	 * {@code sheet} is null or blank.
	 * @throws InvalidInputException when the workbook has no such sheet, or a sheet is
	 * asked of a CSV file
	 */
	public Submission submit(String fileName, InputStream content, Map<String, String> overrides,
			@Nullable UUID submittedBy, boolean start, @Nullable String sheet) {
		return submit(fileName, content, overrides, submittedBy, start, sheet, true);
	}

	private Submission submit(String fileName, InputStream content, Map<String, String> overrides,
			@Nullable UUID submittedBy, boolean start, @Nullable String sheet, boolean repeatDone) {
		Path file = null;
		try {
			file = Files.createTempFile("atlas-upload-", ".bin");
			UploadedFile upload = UploadedFile.copy(content, file);
			// a draft's columns are chosen in the wizard: one that names none is the
			// columns step's to correct, not a refusal of the file
			Inspection inspection = inspect(file, upload, overrides, sheet, !start);
			UUID id = UUID.randomUUID();
			Path stored = file;
			String name = (fileName.isBlank()) ? "import" : fileName;
			Submission earlier = this.tx.execute((s) -> {
				if (start) {
					// the same file sent twice at once (a client's retry) is queued once
					this.jobs.lockFile(inspection.profile().sha256());
					var existing = this.jobs.findActiveByHash(inspection.profile().sha256(),
							inspection.profile().sheet(), inspection.mapping().asMap());
					if (existing.isPresent()) {
						if (!repeatDone || !existing.get().finished()) {
							return new Submission(existing.get(), true);
						}
						this.jobs.repeat(id, existing.get(), name, submittedBy);
						return new Submission(find(id), true);
					}
				}
				this.jobs.create(id, start ? ImportJob.QUEUED : ImportJob.DRAFT, name, inspection.profile(),
						inspection.sheets(), inspection.mapping().asMap(), inspection.mapping().headers(),
						inspection.rows(), submittedBy);
				try {
					this.jobs.storeFile(id, stored);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				if (start) {
					this.events.publishEvent(new ImportJobQueued(CurrentTenant.require(), id, name, inspection.rows()));
				}
				else {
					// its discard is audited: its upload is too, by the same person
					this.events
						.publishEvent(new ImportDraftUploaded(CurrentTenant.require(), id, name, inspection.rows()));
				}
				return null;
			});
			return (earlier != null) ? earlier : new Submission(find(id), false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file left behind is removed with the
					// temporary directory
				}
			}
		}
	}

	/**
	 * Reads the copied upload once more: format, encoding, header, mapping and row count.
	 * Refuses empty, binary and unreadable files, a header alone, duplicate headers, and
	 * files whose every line is over 1 MB. A workbook is read from the sheet asked for
	 * (see {@link WorkbookSheets}).
	 */
	static Inspection inspect(Path file, UploadedFile upload, Map<String, String> overrides, @Nullable String sheet) {
		return inspect(file, upload, overrides, sheet, false);
	}

	/**
	 * As {@link #inspect(Path, UploadedFile, Map, String)}; a {@code draft} whose sheet
	 * names no known column is kept, every column ignored, for the wizard's columns step.
	 */
	static Inspection inspect(Path file, UploadedFile upload, Map<String, String> overrides, @Nullable String sheet,
			boolean draft) {
		try {
			return inspectStrictly(file, upload, overrides, sheet);
		}
		catch (InvalidInputException ex) {
			if (!draft || !namesNoColumn(ex)) {
				throw ex;
			}
			FileProfile profile;
			List<String> sheets;
			try {
				profile = FileProfile.of(file, upload);
				sheets = TabularReaders.sheetNames(profile.format(), file);
			}
			catch (IOException io) {
				throw ex;
			}
			int index = (sheet != null && !sheet.isBlank()) ? WorkbookSheets.resolve(sheet, profile.format(), sheets)
					: firstFilledSheet(file, profile, sheets);
			return inspect(file, profile.withSheet(index), sheets, overrides, true);
		}
	}

	private static Inspection inspectStrictly(Path file, UploadedFile upload, Map<String, String> overrides,
			@Nullable String sheet) {
		FileProfile profile;
		List<String> sheets;
		try {
			profile = FileProfile.of(file, upload);
			sheets = TabularReaders.sheetNames(profile.format(), file);
		}
		catch (XlsReader.PasswordProtected ex) {
			throw new InvalidInputException("file", "prospects.import.password-protected");
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "prospects.import.unreadable");
		}
		int index = WorkbookSheets.resolve(sheet, profile.format(), sheets);
		if (sheet != null && !sheet.isBlank()) {
			return inspect(file, profile.withSheet(index), sheets, overrides);
		}
		index = firstFilledSheet(file, profile, sheets);
		try {
			return inspect(file, profile.withSheet(index), sheets, overrides);
		}
		catch (InvalidInputException ex) {
			if (!namesNoColumn(ex)) {
				throw ex;
			}
			return firstSheetOfAgencies(file, profile, sheets, index, overrides).orElseThrow(() -> ex);
		}
	}

	/**
	 * The first other visible sheet that reads as a list of agencies, when the first
	 * filled one names no column: a workbook often opens on a "Lisez-moi" or a summary
	 * sheet, and the wizard, refused, gave no way to say which sheet to read but to guess
	 * its name.
	 */
	private static Optional<Inspection> firstSheetOfAgencies(Path file, FileProfile profile, List<String> sheets,
			int refused, Map<String, String> overrides) {
		Set<Integer> hidden;
		try {
			hidden = TabularReaders.hiddenSheets(profile.format(), file);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		for (int i = 0; i < sheets.size(); i++) {
			if (i == refused || hidden.contains(i)) {
				continue;
			}
			try {
				return Optional.of(inspect(file, profile.withSheet(i), sheets, overrides));
			}
			catch (InvalidInputException ex) {
				// not this one either: the first sheet's refusal is the answer
			}
		}
		return Optional.empty();
	}

	private static boolean namesNoColumn(InvalidInputException ex) {
		return ex.problems().stream().anyMatch((p) -> p.code().equals("prospects.import.no-known-column"));
	}

	/**
	 * The first sheet of a workbook that holds something, when none is asked for: a
	 * workbook often starts with an empty or a cover sheet left as created, or hides a
	 * sheet of lookups. A hidden sheet only when no other holds anything; the first sheet
	 * when none does, which then is refused as empty.
	 */
	private static int firstFilledSheet(Path file, FileProfile profile, List<String> sheets) {
		try {
			Set<Integer> hidden = TabularReaders.hiddenSheets(profile.format(), file);
			int firstHidden = -1;
			for (int i = 0; i < sheets.size(); i++) {
				try (TabularReader reader = TabularReaders.open(profile.withSheet(i), file)) {
					if (reader.header().isEmpty()) {
						continue;
					}
				}
				if (!hidden.contains(i)) {
					return i;
				}
				firstHidden = (firstHidden < 0) ? i : firstHidden;
			}
			return Math.max(firstHidden, 0);
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "prospects.import.unreadable");
		}
	}

	private static Inspection inspect(Path file, FileProfile profile, List<String> sheets,
			Map<String, String> overrides) {
		return inspect(file, profile, sheets, overrides, false);
	}

	private static Inspection inspect(Path file, FileProfile profile, List<String> sheets,
			Map<String, String> overrides, boolean draft) {
		try {
			try (TabularReader reader = TabularReaders.open(profile, file)) {
				if (reader instanceof CsvReader csv && csv.headerTooLong()) {
					throw new InvalidInputException("file", "prospects.import.line-too-long", 1);
				}
				if (reader.header().isEmpty()) {
					throw new InvalidInputException("file", "prospects.import.empty-file");
				}
				ColumnMapping mapping = draft ? ColumnMapping.read(reader.header(), overrides)
						: ColumnMapping.detect(reader.header(), overrides);
				RowCount count = reader.countRows();
				if (count.rows() == 0) {
					throw new InvalidInputException("file", "prospects.import.header-only");
				}
				if (count.problems() == count.rows()) {
					throw new InvalidInputException("file", "prospects.import.line-too-long", count.firstProblemLine());
				}
				return new Inspection(profile, sheets, mapping, count.rows());
			}
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "prospects.import.unreadable");
		}
	}

	public ImportJob find(UUID id) {
		return this.tx.execute((s) -> this.jobs.find(id)).orElseThrow(() -> new NotFoundException("Import"));
	}

	/** The header line of a job's file, in column order. */
	public List<String> headers(UUID id) {
		find(id);
		return this.tx.execute((s) -> this.jobs.headers(id));
	}

	public List<ImportJob> recent() {
		return recent(50);
	}

	/** The organisation's imports, newest first. */
	public List<ImportJob> recent(int limit) {
		return this.tx.execute((s) -> this.jobs.recent(limit));
	}

	/**
	 * Asks an import to stop. An import cancelled already is so still, as a request sent
	 * again expects; one that has ended otherwise has nothing left to stop.
	 * @throws ConflictException for an import that is DONE or FAILED
	 */
	public void cancel(UUID id) {
		this.tx.executeWithoutResult((s) -> {
			ImportJob job = this.jobs.findForUpdate(id).orElseThrow(() -> new NotFoundException("Import"));
			if (ImportJob.DONE.equals(job.status()) || ImportJob.FAILED.equals(job.status())) {
				// before, a 202 with the status: a client reading only the code took the
				// import for stopped
				throw new ConflictException("prospects.import.cancel.ended", Map.of("status", job.status()),
						new DefaultMessageSourceResolvable("prospects.import.status." + job.status()));
			}
			if (!job.finished()) {
				this.jobs.requestCancel(id);
			}
		});
	}

	/**
	 * Deletes a draft and its file, as the wizard's "abandon" asks: the wrong file was
	 * sent, or the person changed their mind before starting it.
	 * @throws ConflictException for an import that was started: it is cancelled instead
	 */
	public void discard(UUID id) {
		this.tx.executeWithoutResult((s) -> {
			ImportJob job = this.jobs.findForUpdate(id).orElseThrow(() -> new NotFoundException("Import"));
			if (!ImportJob.DRAFT.equals(job.status())) {
				throw new ConflictException("prospects.import.discard.started");
			}
			discarded(this.jobs.deleteDraft(id), false);
		});
	}

	/**
	 * Deletes a draft left at the columns step for longer than drafts are kept, as its
	 * organisation; a draft started meanwhile is left alone. Returns whether it was
	 * discarded.
	 */
	boolean discardAbandoned(UUID id) {
		return Boolean.TRUE.equals(this.tx.execute((s) -> discarded(this.jobs.deleteDraft(id), true)));
	}

	private boolean discarded(Optional<ImportJob> draft, boolean abandoned) {
		draft.ifPresent((job) -> this.events.publishEvent(new ImportDraftDiscarded(CurrentTenant.require(), job.id(),
				job.fileName(), job.totalRows(), abandoned)));
		return draft.isPresent();
	}

	/**
	 * Takes a failed or cancelled import up again where it stopped, from its stored file:
	 * the rows it committed stay as they are and are not read again.
	 * @throws ConflictException for an import that is under way or done, a cancelled one
	 * that never started or had read every row, or one whose file is no longer kept
	 */
	public ImportJob resume(UUID id) {
		return this.tx.execute((s) -> {
			ImportJob job = this.jobs.findForUpdate(id).orElseThrow(() -> new NotFoundException("Import"));
			if (!job.finished() || ImportJob.DONE.equals(job.status())) {
				throw new ConflictException("prospects.import.resume.not-stopped");
			}
			if (job.fileDeletedAt() != null) {
				throw new ConflictException("prospects.import.resume.file-deleted");
			}
			if (!job.resumable()) {
				throw new ConflictException("prospects.import.resume.never-started");
			}
			this.jobs.resume(id);
			this.events.publishEvent(new ImportJobQueued(CurrentTenant.require(), id, job.fileName(), job.totalRows()));
			return this.jobs.find(id).orElseThrow();
		});
	}

	/** The detected or overridden mapping of a draft, and its first rows normalised. */
	public Preview preview(UUID id, Map<String, String> overrides) {
		ImportJob job = find(id);
		List<String> headers = this.tx.execute((s) -> this.jobs.headers(id));
		// the columns step shows what a mapping that identifies nothing gives too: every
		// row rejected, and the page says to choose a column that names the agency
		ColumnMapping mapping = ColumnMapping.read(headers, overrides.isEmpty() ? job.mapping() : overrides);
		RowNormaliser normaliser = new RowNormaliser(mapping);
		List<PreviewRow> rows = new ArrayList<>();
		try (TabularReader reader = openStored(job)) {
			SourceRow row;
			while (rows.size() < this.properties.previewRows() && (row = reader.next()) != null) {
				NormalisedRow normalised = normaliser.normalise(row);
				rows.add(new PreviewRow(row.number(), row.cells(), normaliser.readings(row), normalised.messages(),
						normalised.rejected()));
			}
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "prospects.import.unreadable");
		}
		return new Preview(job, mapping, rows, this.tx.execute((s) -> this.jobs.sheets(id)));
	}

	/**
	 * Points a draft at another sheet of its workbook (0-based): its header, mapping and
	 * row count are read again.
	 * @throws InvalidInputException when the sheet does not exist or cannot be imported
	 * (no known column, a header alone...); the draft keeps its sheet then
	 */
	public void chooseSheet(UUID id, int index) {
		ImportJob job = find(id);
		if (!ImportJob.DRAFT.equals(job.status())) {
			return;
		}
		List<String> sheets = this.tx.execute((s) -> this.jobs.sheets(id));
		if (index < 0 || index >= Math.max(1, sheets.size())) {
			throw new InvalidInputException("sheet", "prospects.import.unknown-sheet", index + 1,
					String.join(", ", sheets));
		}
		Path temporary = null;
		try (StoredFileStream stored = new StoredFileStream(this.jobs, this.tx, id)) {
			temporary = Files.createTempFile("atlas-sheet-", ".bin");
			Files.copy(stored, temporary, StandardCopyOption.REPLACE_EXISTING);
			Inspection inspection = inspect(temporary, job.profile().withSheet(index), sheets, Map.of(), true);
			this.tx.executeWithoutResult((s) -> this.jobs.changeSheet(id, index, inspection.mapping().asMap(),
					inspection.mapping().headers(), inspection.rows()));
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "prospects.import.unreadable");
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// removed with the temporary directory
				}
			}
		}
	}

	/**
	 * Starts a draft with its final mapping; the same file under way returns that job,
	 * and one imported before turns the draft into its repeat.
	 */
	public Submission start(UUID id, Map<String, String> overrides) {
		ImportJob job = find(id);
		if (!ImportJob.DRAFT.equals(job.status())) {
			return new Submission(job, true);
		}
		List<String> headers = this.tx.execute((s) -> this.jobs.headers(id));
		ColumnMapping mapping = ColumnMapping.detect(headers, overrides.isEmpty() ? job.mapping() : overrides);
		return this.tx.execute((s) -> {
			// starts of one draft take turns on its row: a second click, or a second tab,
			// finds it started rather than queueing it again or taking it for another
			// import of the same file (and cancelling it)
			if (!this.jobs.lockDraft(id)) {
				return new Submission(find(id), true);
			}
			this.jobs.lockFile(job.profile().sha256());
			var existing = this.jobs.findActiveByHash(job.profile().sha256(), job.profile().sheet(), mapping.asMap());
			if (existing.isPresent() && existing.get().finished()) {
				this.jobs.repeat(id, existing.get(), job.fileName(), job.createdBy());
				return new Submission(find(id), true);
			}
			if (existing.isPresent()) {
				this.jobs.requestCancel(id);
				return new Submission(existing.get(), true);
			}
			this.jobs.queue(id, mapping.asMap());
			this.events.publishEvent(new ImportJobQueued(CurrentTenant.require(), id, job.fileName(), job.totalRows()));
			return new Submission(find(id), false);
		});
	}

	/**
	 * What went wrong in an import: how many times each problem occurred
	 * ({@code field:code} as in the row report), most frequent first, and the first
	 * {@code sample} rows that have one, with their original line.
	 */
	public Problems problems(UUID id, int sample) {
		ImportJob job = find(id);
		return this.tx.execute((s) -> {
			List<Problems.Count> counts = this.jobs.problems(id)
				.entrySet()
				.stream()
				.map((e) -> new Problems.Count(e.getKey(), e.getValue()))
				.sorted(java.util.Comparator.comparingLong(Problems.Count::count)
					.reversed()
					.thenComparing(Problems.Count::code))
				.toList();
			List<Problems.Row> rows = this.recorded.firstWithMessages(rowsOf(job), sample)
				.stream()
				.map((row) -> new Problems.Row(row.number(), shownStatus(job, row.status()),
						List.of(row.messages().split("\\|")), row.original()))
				.toList();
			return new Problems(counts, rows);
		});
	}

	/** The job whose recorded rows are this one's: the earlier import, for a repeat. */
	private static UUID rowsOf(ImportJob job) {
		return (job.repeatOf() != null) ? job.repeatOf() : job.id();
	}

	/** A row's status for this job: in a repeat, a row found its agency already there. */
	private static String shownStatus(ImportJob job, String status) {
		return (job.repeatOf() != null && "CREATED".equals(status)) ? "MERGED" : status;
	}

	/**
	 * An import's problems: counts by {@code field:code}, and rows that had some.
	 */
	public record Problems(List<Count> counts, List<Row> rows) {

		public record Count(String code, long count) {
		}

		public record Row(int row, String status, List<String> messages, String original) {
		}

	}

	/**
	 * Writes the report: {@code row,status,prospect_id,messages}, one line per data row.
	 * {@code prospect_id} is the agency the row is in now: the one a person later merged
	 * its agency into, if so (and its own again once the merge is undone). A repeat's
	 * rows are the earlier import's, each in the agency it is in now, so none is CREATED.
	 */
	public void writeReport(UUID id, Writer out) {
		ImportJob job = find(id);
		this.tx.executeWithoutResult((s) -> {
			try {
				out.write("row,status,prospect_id,messages\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Map<UUID, UUID> survivors = this.agencies.survivors();
			Map<Integer, UUID> detached = this.recorded.detached(rowsOf(job));
			this.recorded.forEach(rowsOf(job), (row) -> {
				UUID in = detached.getOrDefault(row.number(), row.prospectId());
				UUID prospect = (in != null) ? survivors.getOrDefault(in, in) : null;
				try {
					out.write(row.number() + "," + shownStatus(job, row.status()) + ","
							+ ((prospect != null) ? prospect : "") + "," + CsvLine.cell(row.messages()) + "\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		});
	}

	/**
	 * Every row of an import for a person to read, in row order and a batch at a time:
	 * its outcome, its {@code field:code} messages, the agency it is in now (by the same
	 * rule as {@link #writeReport}) with that agency's name, and the row as the file had
	 * it. Names are looked up a batch at a time, so a million-row import never holds more
	 * than one batch.
	 */
	public void forEachReadableRow(UUID id, Consumer<List<ReadableRow>> batches) {
		ImportJob job = find(id);
		this.tx.executeWithoutResult((s) -> {
			Map<UUID, UUID> survivors = this.agencies.survivors();
			Map<Integer, UUID> detached = this.recorded.detached(rowsOf(job));
			List<RecordedRows.RecordedRow> batch = new ArrayList<>(READABLE_BATCH);
			this.recorded.forEach(rowsOf(job), (row) -> {
				UUID in = detached.get(row.number());
				batch.add((in != null) ? row.in(in) : row);
				if (batch.size() == READABLE_BATCH) {
					batches.accept(readable(job, batch, survivors));
					batch.clear();
				}
			});
			if (!batch.isEmpty()) {
				batches.accept(readable(job, batch, survivors));
			}
		});
	}

	private List<ReadableRow> readable(ImportJob job, List<RecordedRows.RecordedRow> rows, Map<UUID, UUID> survivors) {
		List<@Nullable UUID> agencies = rows.stream()
			.map((row) -> (row.prospectId() != null) ? survivors.getOrDefault(row.prospectId(), row.prospectId())
					: null)
			.toList();
		Set<UUID> ids = new HashSet<>();
		agencies.forEach((agency) -> {
			if (agency != null) {
				ids.add(agency);
			}
		});
		Map<UUID, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("select id, name from agency where org_id = :org and id = any(:ids)")
				.param("org", CurrentTenant.require().value())
				.param("ids", ids.toArray(UUID[]::new))
				.query((RowCallbackHandler) (rs) -> names.put(rs.getObject(1, UUID.class),
						NameDisplay.of(rs.getString(2))));
		}
		List<ReadableRow> readable = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			RecordedRows.RecordedRow row = rows.get(i);
			UUID agency = agencies.get(i);
			List<String> messages = row.messages().isEmpty() ? List.of() : List.of(row.messages().split("\\|"));
			readable.add(new ReadableRow(row.number(), shownStatus(job, row.status()), agency,
					(agency != null) ? names.get(agency) : null, messages, row.original()));
		}
		return readable;
	}

	/**
	 * One row of an import as a person reads it: see {@link #forEachReadableRow}.
	 */
	public record ReadableRow(int row, String status, @Nullable UUID agencyId, @Nullable String agencyName,
			List<String> messages, String original) {
	}

	private TabularReader openStored(ImportJob job) throws IOException {
		StoredFileStream stored = new StoredFileStream(this.jobs, this.tx, job.id());
		if (job.profile().format() == FileProfile.Format.CSV) {
			return TabularReaders.openCsv(job.profile(), stored);
		}
		Path temporary = Files.createTempFile("atlas-preview-", ".bin");
		try (stored) {
			Files.copy(stored, temporary, StandardCopyOption.REPLACE_EXISTING);
			TabularReader reader = TabularReaders.open(job.profile(), temporary);
			return new TabularReader() {
				@Override
				public List<String> header() {
					return reader.header();
				}

				@Override
				public @Nullable SourceRow next() throws IOException {
					return reader.next();
				}

				@Override
				public void close() throws IOException {
					reader.close();
					Files.deleteIfExists(temporary);
				}
			};
		}
	}

	record Inspection(FileProfile profile, List<String> sheets, ColumnMapping mapping, int rows) {
	}

	public record Submission(ImportJob job, boolean existing) {
	}

	/** The first rows of a draft; {@code sheets} are the workbook's sheet names. */
	public record Preview(ImportJob job, ColumnMapping mapping, List<PreviewRow> rows, List<String> sheets) {

		/** How many values of a column the wizard shows beside its field. */
		static final int EXAMPLES = 3;

		/**
		 * The first different values a column holds in the preview's rows, blank cells
		 * left out: what the user reads to choose its field, each as the import will read
		 * it under the column's field, as the preview shows it
		 * ({@link PreviewRow#reading}).
		 */
		public List<Example> examples(int column) {
			// different as read: "04.50.12.34.56" and "450123456" are one phone
			Map<String, Example> examples = new LinkedHashMap<>();
			for (PreviewRow row : this.rows) {
				String cell = row.cell(column).strip();
				String read = row.reading(column);
				String shown = (read != null) ? read : cell;
				if (!cell.isEmpty() && !examples.containsKey(shown)) {
					examples.put(shown, new Example(cell, read));
					if (examples.size() == EXAMPLES) {
						break;
					}
				}
			}
			return List.copyOf(examples.values());
		}

		/**
		 * How many of the preview's rows have a problem with the field a column goes to
		 * ({@code siret:invalid_checksum} for a SIRET column): a column mapped to the
		 * wrong field shows it at once.
		 */
		public int problems(int column) {
			ImportField field = this.mapping.field(column);
			if (field == ImportField.IGNORED) {
				return 0;
			}
			String prefix = field.key() + ":";
			int rows = 0;
			for (PreviewRow row : this.rows) {
				if (row.messages().stream().anyMatch((message) -> message.startsWith(prefix))) {
					rows++;
				}
			}
			return rows;
		}

	}

	/**
	 * A value of a column on the wizard's columns step: the cell as the file has it, and
	 * how the import reads it when that differs (null when it reads it as written).
	 */
	public record Example(String cell, @Nullable String read) {
	}

	/**
	 * A row of the preview: its cells as the file has them, how the import reads each
	 * ({@code readings}, see {@link RowNormaliser#readings}), its problems.
	 */
	public record PreviewRow(int number, List<String> cells, List<@Nullable String> readings, List<String> messages,
			boolean rejected) {

		/** The cell as the file has it, blank past the row's end. */
		public String cell(int column) {
			return (column < this.cells.size()) ? this.cells.get(column) : "";
		}

		/**
		 * How the import reads a cell, when that is not the cell as written ("04 50 12 34
		 * 56" for "450123456"): null when it is, or when the cell is read as nothing.
		 */
		public @Nullable String reading(int column) {
			String reading = (column < this.readings.size()) ? this.readings.get(column) : null;
			return (reading == null || reading.equals(cell(column).strip())) ? null : reading;
		}

	}

}
