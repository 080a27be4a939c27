CREATE TABLE "conversation_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"mention_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"folded" text GENERATED ALWAYS AS (f_unaccent(lower(body))) STORED,
	"vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, f_unaccent(body))) STORED
);
--> statement-breakpoint
ALTER TABLE "conversation_notes" ADD CONSTRAINT "conversation_notes_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_notes_conversation_idx" ON "conversation_notes" USING btree ("connection_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "conversation_notes_fts_idx" ON "conversation_notes" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "conversation_notes_trgm_idx" ON "conversation_notes" USING gin ("folded" gin_trgm_ops);