CREATE TYPE "public"."exchange_mode" AS ENUM('don', 'pret', 'location', 'echange', 'vente', 'mutualisation', 'mecenat_competences');--> statement-breakpoint
CREATE TYPE "public"."listing_kind" AS ENUM('offer', 'need');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('open', 'in_progress', 'fulfilled', 'closed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."listing_visibility" AS ENUM('members', 'public');--> statement-breakpoint
CREATE TYPE "public"."membership_policy" AS ENUM('open', 'approval', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('admin', 'facilitator', 'member');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('pending', 'active', 'rejected', 'suspended', 'left');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('entreprise', 'association', 'collectivite', 'etablissement_sante', 'exploitation_agricole', 'etablissement_enseignement', 'particulier', 'autre');--> statement-breakpoint
CREATE TYPE "public"."territory_visibility" AS ENUM('public', 'private');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('verify_email', 'reset_password');--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_verified_at" timestamp with time zone,
	"password_hash" text NOT NULL,
	"name" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"territory_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"slug" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_pkey" PRIMARY KEY("territory_id","id"),
	CONSTRAINT "categories_slug_key" UNIQUE("territory_id","slug")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_pkey" PRIMARY KEY("territory_id","id"),
	CONSTRAINT "invitations_token_key" UNIQUE("territory_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "membership_role" DEFAULT 'member' NOT NULL,
	"status" "membership_status" DEFAULT 'pending' NOT NULL,
	"organisation_id" uuid,
	"charter_accepted_at" timestamp with time zone,
	"message" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY("territory_id","id"),
	CONSTRAINT "memberships_user_key" UNIQUE("territory_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "territories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"departement" text,
	"region" text,
	"center_lat" double precision,
	"center_lon" double precision,
	"membership_policy" "membership_policy" DEFAULT 'approval' NOT NULL,
	"visibility" "territory_visibility" DEFAULT 'public' NOT NULL,
	"charter" text DEFAULT '' NOT NULL,
	"accent_color" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territories_slug_key" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"siret" text,
	"address" text,
	"commune" text,
	"postcode" text,
	"lat" double precision,
	"lon" double precision,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"territory_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"category_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"quantity" numeric(12, 2),
	"unit" text,
	"exchange_modes" "exchange_mode"[] NOT NULL,
	"available_from" date,
	"available_until" date,
	"commune" text,
	"lat" double precision,
	"lon" double precision,
	"status" "listing_status" DEFAULT 'open' NOT NULL,
	"visibility" "listing_visibility" DEFAULT 'members' NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"organisation_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listings_pkey" PRIMARY KEY("territory_id","id")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_fkey" FOREIGN KEY ("territory_id","invited_by") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_fkey" FOREIGN KEY ("territory_id","created_by") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_category_fkey" FOREIGN KEY ("territory_id","category_id") REFERENCES "public"."categories"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_author_fkey" FOREIGN KEY ("territory_id","author_membership_id") REFERENCES "public"."memberships"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_organisation_fkey" FOREIGN KEY ("territory_id","organisation_id") REFERENCES "public"."organisations"("territory_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_tokens_user_idx" ON "user_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_recent_idx" ON "audit_log" USING btree ("territory_id","created_at");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_status_idx" ON "memberships" USING btree ("territory_id","status","created_at");--> statement-breakpoint
CREATE INDEX "territories_public_idx" ON "territories" USING btree ("visibility","name");--> statement-breakpoint
CREATE INDEX "listings_browse_idx" ON "listings" USING btree ("territory_id","kind","status","created_at");--> statement-breakpoint
CREATE INDEX "listings_category_idx" ON "listings" USING btree ("territory_id","category_id","created_at");--> statement-breakpoint
CREATE INDEX "listings_location_idx" ON "listings" USING btree ("territory_id","lat","lon");--> statement-breakpoint
CREATE INDEX "listings_author_idx" ON "listings" USING btree ("territory_id","author_membership_id");--> statement-breakpoint
CREATE INDEX "listings_organisation_idx" ON "listings" USING btree ("territory_id","organisation_id");