--
-- PostgreSQL database dump
--

\restrict ePw88cXP2K4BmEb9QaewvN8nSkc0czYuKkovd5wGKsGxcVbosfWmmf0E3RYrh13

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: -
--

CREATE TYPE public.mood AS ENUM (
    'ok',
    'sad'
);


--
-- Name: order_total(bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.order_total(c bigint) RETURNS numeric
    LANGUAGE plpgsql
    AS $$ begin return (select coalesce(sum(total), 0) from orders where customer_id = c); end; $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    customer_id bigint,
    total numeric(10,2)
);


--
-- Name: big_orders; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.big_orders AS
 SELECT orders.id,
    orders.customer_id,
    orders.total
   FROM public.orders
  WHERE (orders.total > (5)::numeric);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id bigint NOT NULL,
    name text NOT NULL,
    note text,
    tags text[],
    mood public.mood,
    created timestamp with time zone DEFAULT now(),
    CONSTRAINT name_not_blank CHECK ((name <> ''::text))
);


--
-- Name: TABLE customers; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.customers IS 'people; who buy';


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.customers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.customers_id_seq OWNED BY public.customers.id;


--
-- Name: empty_one; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.empty_one (
    a integer
);


--
-- Name: customers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers ALTER COLUMN id SET DEFAULT nextval('public.customers_id_seq'::regclass);


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, name, note, tags, mood, created) FROM stdin;
1	Ann	semi;colon	{a,b}	ok	2024-01-02 03:04:05+00
2	tab\there	\N	\N	\N	2024-01-02 03:04:05+00
3	back\\slash	line\nbreak	{}	sad	2024-01-02 03:04:05+00
4	\\.	-- not a comment; /* nor this	{"x y"}	ok	2024-01-02 03:04:05+00
5	Zoë $$ 'quoted'	carriage\rreturn	{"a,b"}	\N	2024-01-02 03:04:05+00
\.


--
-- Data for Name: empty_one; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.empty_one (a) FROM stdin;
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orders (id, customer_id, total) FROM stdin;
10	1	9.99
11	4	0.00
\.


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_id_seq', 5, true);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: orders_customer_id_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- PostgreSQL database dump complete
--

\unrestrict ePw88cXP2K4BmEb9QaewvN8nSkc0czYuKkovd5wGKsGxcVbosfWmmf0E3RYrh13

