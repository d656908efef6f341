package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a bulk operation changes, checked: a new owner ({@code setOwner}, null for nobody)
 * or members to deal the agencies out among, tags to add and to remove, and archiving
 * (with its reason) or restoring. A background job keeps it as JSON and applies it chunk
 * by chunk.
 */
record BulkChanges(boolean setOwner, @Nullable UUID owner, List<UUID> owners, List<String> addTags,
		List<String> removeTags, boolean archive, boolean restore, @Nullable String reason) {

	BulkChanges {
		owners = List.copyOf(owners);
		addTags = List.copyOf(addTags);
		removeTags = List.copyOf(removeTags);
	}

	/** The agencies the operation chooses among: archived ones for a restore. */
	String chosenStatus() {
		return this.restore ? "ARCHIVED" : "ACTIVE";
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
		if (this.archive) {
			fields.add("archived");
		}
		return fields;
	}

}
