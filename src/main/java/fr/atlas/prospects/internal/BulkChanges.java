package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk operation changes, checked: a new owner ({@code setOwner}, null for nobody)
 * or members to deal the agencies out among, tags to add and to remove, archiving (with
 * its reason) or restoring, and the key of work another module starts on each agency
 * ({@code work}, an {@link fr.atlas.platform.AgencyWork}). A background job keeps it as
 * JSON and applies it chunk by chunk.
 */
record BulkChanges(boolean setOwner, @Nullable UUID owner, List<UUID> owners, List<String> addTags,
		List<String> removeTags, boolean archive, boolean restore, @Nullable String reason, @Nullable String work) {

	/**
	 * The most agencies an operation that starts work changes in the request, and per
	 * transaction in a job: opening a case takes far longer than changing a column.
	 */
	static final int WORK_MOST = 200;

	BulkChanges {
		owners = List.copyOf(owners);
		addTags = List.copyOf(addTags);
		removeTags = List.copyOf(removeTags);
	}

	/** The agencies the operation chooses among: archived ones for a restore. */
	String chosenStatus() {
		return this.restore ? "ARCHIVED" : "ACTIVE";
	}

	/** How many agencies one transaction changes, given the usual number. */
	int perTransaction(int usual) {
		return (this.work != null) ? Math.min(usual, WORK_MOST) : usual;
	}

	/** The fields the operation's audit entry names, in the order they are applied. */
	List<String> fields() {
		List<String> fields = new ArrayList<>();
		if (this.restore) {
			fields.add("restored");
		}
		if (this.setOwner || !this.owners.isEmpty()) {
			fields.add("owner_id");
		}
		if (!this.addTags.isEmpty() || !this.removeTags.isEmpty()) {
			fields.add("tags");
		}
		if (this.work != null) {
			fields.add(this.work);
		}
		if (this.archive) {
			fields.add("archived");
		}
		return fields;
	}

}
