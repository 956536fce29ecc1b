-- Every construct the mysql client splits specially, run on a real server: if the splitter cut a
-- statement in the wrong place, the server would refuse a fragment or the rows below would differ.
-- Statement numbers (s1, s2, ...) are counted in MariaDbMigrateIT.
CREATE TABLE `order` (`key` int PRIMARY KEY, `semi;colon` varchar(60) NOT NULL); -- s1; a trailing comment

# a hash comment; with a semicolon and a 'quote that never closes
-- a dash comment; with a "quote
/* a block comment; with a ' quote */
INSERT INTO `order` VALUES (1, 'it''s; a "semicolon"'); -- s2
INSERT INTO `order` VALUES (2, "double; \"quoted\" string"); # s3
INSERT INTO `order` VALUES (3, 'back\\slash and \'quote\';'); -- s4
INSERT INTO `order` VALUES (4 /* inline; comment */, 'four'); -- s5

/*!40101 SET @torture = 'version; comment' */; -- s6
CREATE TABLE versioned (id int, note varchar(60)) /*!ENGINE=InnoDB */; -- s7
/*!50001 INSERT INTO versioned VALUES (1, @torture) */; -- s8

DELIMITER //
CREATE PROCEDURE add_rows(IN n int)
BEGIN
    DECLARE i int DEFAULT 0;  -- a comment; inside
    WHILE i < n DO
        INSERT INTO `order` VALUES (100 + i, CONCAT('proc;', i));
        SET i = i + 1;
    END WHILE;
END // -- s9
CREATE TRIGGER order_shout BEFORE INSERT ON `order` FOR EACH ROW
BEGIN
    IF NEW.`semi;colon` = 'shout;' THEN
        SET NEW.`semi;colon` = 'SHOUT;';
    END IF;
END// -- s10
CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC
BEGIN
    RETURN x * 2; # a hash comment; inside
END// -- s11
DELIMITER ;
CALL add_rows(3); -- s12
INSERT INTO `order` VALUES (5, 'shout;'); -- s13
