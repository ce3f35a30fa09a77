-- Search indexes at most 20,000 characters per field (see papers.SearchRepository): snippets over a longer field cost time
-- that grows with the square of its length. Documents indexed before are cut the same way; the trigger re-indexes them.
UPDATE search_docs SET body = substr(body, 1, 20000) WHERE length(body) > 20000;
UPDATE search_docs SET detail = substr(detail, 1, 20000) WHERE length(detail) > 20000;
