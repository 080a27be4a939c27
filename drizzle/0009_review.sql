CREATE TABLE "conversation_reviews" (
	"connection_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"assignee_id" text,
	"review_state" text DEFAULT 'unreviewed' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"score" integer,
	"score_mode" text,
	"reason_label_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reviews_connection_id_conversation_id_pk" PRIMARY KEY("connection_id","conversation_id")
);
--> statement-breakpoint
ALTER TABLE "conversation_reviews" ADD CONSTRAINT "conversation_reviews_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reviews" ADD CONSTRAINT "conversation_reviews_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reviews" ADD CONSTRAINT "conversation_reviews_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reviews" ADD CONSTRAINT "conversation_reviews_reason_label_id_labels_id_fk" FOREIGN KEY ("reason_label_id") REFERENCES "public"."labels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_reviews_assignee_idx" ON "conversation_reviews" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "conversation_reviews_state_idx" ON "conversation_reviews" USING btree ("review_state","connection_id");--> statement-breakpoint
CREATE INDEX "conversation_reviews_reviewer_idx" ON "conversation_reviews" USING btree ("reviewed_by");