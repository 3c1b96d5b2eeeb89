-- Executable comments are code for the server and belong to statements.
/*!40101 SET NAMES utf8mb4 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*M!100616 SET @OLD_NOTE_VERBOSITY=@@NOTE_VERBOSITY, NOTE_VERBOSITY=0 */;
/*M! SET @mariadb_only = 1 */;
/*! SET @any_version = 1 */;
CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `v_shop` AS select 1 AS `one` */;
-- a delimiter inside an executable comment does not end the statement
/*!50003 CREATE PROCEDURE legacy() BEGIN SELECT 1; SELECT 2; END */;
/*!50003 SET @text = 'a */ inside a string; stays' */;
SELECT /*+ MAX_EXECUTION_TIME(1000) */ 1 AS hinted;
/*!40000 ALTER TABLE `shop` DISABLE KEYS */ ;
